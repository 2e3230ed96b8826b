"""Stand-in for `waveshare_epd.epd7in5bc`: two 1-bit layers, black and red (or yellow)."""
from ._standin import TwoLayerEPD


class EPD(TwoLayerEPD):
    width = 640
    height = 384
