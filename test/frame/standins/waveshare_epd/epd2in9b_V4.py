"""Stand-in for `waveshare_epd.epd2in9b_V4`: two 1-bit layers, black and red (or yellow)."""
from ._standin import TwoLayerEPD


class EPD(TwoLayerEPD):
    width = 128
    height = 296
