"""Stand-in for `waveshare_epd.epd4in2`: black/white with a 4-grey mode."""
from ._standin import Grey4EPD


class EPD(Grey4EPD):
    width = 400
    height = 300
