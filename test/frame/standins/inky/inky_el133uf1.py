"""Stand-in: Inky Impression 13.3" Spectra 6 (EL133UF1)."""
from ._standin import BLACK, WHITE, StandinInky


class Inky(StandinInky):
    spectra = True
    default_resolution = (1600, 1200)
    DESATURATED_PALETTE = [BLACK, WHITE, [255, 255, 0], [255, 0, 0], [0, 0, 255], [0, 255, 0], WHITE]
    SATURATED_PALETTE = [BLACK, [161, 164, 165], [208, 190, 71], [156, 72, 75], [61, 59, 94], [58, 91, 70], WHITE]
