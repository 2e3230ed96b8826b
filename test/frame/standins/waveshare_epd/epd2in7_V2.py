"""Stand-in for `waveshare_epd.epd2in7_V2`: black/white with a 4-grey mode."""
from ._standin import Grey4EPD


class EPD(Grey4EPD):
    width = 176
    height = 264
