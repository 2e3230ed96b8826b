"""Stand-in for `waveshare_epd.epd5in83bc`: two 1-bit layers, black and red (or yellow)."""
from ._standin import TwoLayerEPD


class EPD(TwoLayerEPD):
    width = 600
    height = 448
