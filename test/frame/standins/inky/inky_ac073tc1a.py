"""Stand-in: Inky Impression 7.3" 7-colour (AC073TC1A)."""
from ._standin import BLACK, WHITE, StandinInky

SEVEN_COLOUR = [BLACK, WHITE, [0, 255, 0], [0, 0, 255], [255, 0, 0], [255, 255, 0], [255, 140, 0], WHITE]


class Inky(StandinInky):
    default_resolution = (800, 480)
    DESATURATED_PALETTE = SEVEN_COLOUR
    SATURATED_PALETTE = [[0, 0, 0], [217, 242, 255], [3, 124, 76], [27, 46, 198], [245, 80, 34], [255, 255, 68], [239, 121, 44], WHITE]
