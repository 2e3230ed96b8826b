"""Stand-in for `waveshare_epd.epd4in2b_V2`: two 1-bit layers, black and red (or yellow)."""
from ._standin import TwoLayerEPD


class EPD(TwoLayerEPD):
    width = 400
    height = 300
