"""Stand-in: Inky Impression 5.7" and 4" 7-colour (UC8159)."""
from ._standin import WHITE, StandinInky
from .inky_ac073tc1a import SEVEN_COLOUR


class Inky(StandinInky):
    default_resolution = (600, 448)
    DESATURATED_PALETTE = SEVEN_COLOUR
    SATURATED_PALETTE = [[57, 48, 57], WHITE, [58, 91, 70], [61, 59, 94], [156, 72, 75], [208, 190, 71], [177, 106, 73], WHITE]
