"""Stand-in: Inky Impression 7.3" Spectra 6 (E673)."""
from ._standin import BLACK, WHITE, StandinInky


class Inky(StandinInky):
    spectra = True
    default_resolution = (800, 480)
    DESATURATED_PALETTE = [BLACK, WHITE, [255, 255, 0], [255, 0, 0], [0, 0, 255], [0, 255, 0], WHITE]
    SATURATED_PALETTE = [BLACK, [161, 164, 165], [208, 190, 71], [156, 72, 75], [61, 59, 94], [58, 91, 70], WHITE]
