"""Stand-in: Inky Impression 4" Spectra 6 (E640), 600×400 as Pimoroni's driver has it."""
from ._standin import BLACK, WHITE, StandinInky


class Inky(StandinInky):
    spectra = True
    default_resolution = (600, 400)
    DESATURATED_PALETTE = [BLACK, WHITE, [255, 255, 0], [255, 0, 0], [0, 0, 255], [0, 255, 0], WHITE]
    SATURATED_PALETTE = [BLACK, [161, 164, 165], [208, 190, 71], [156, 72, 75], [61, 59, 94], [58, 91, 70], WHITE]
