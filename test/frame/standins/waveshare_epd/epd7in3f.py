"""Stand-in for `waveshare_epd.epd7in3f`: 7.3" 7-colour, its getbuffer palette in native code order."""
from ._standin import PaletteEPD


class EPD(PaletteEPD):
    width = 800
    height = 480
    DRIVER_PALETTE = ((0, 0, 0), (255, 255, 255), (0, 255, 0), (0, 0, 255), (255, 0, 0), (255, 255, 0), (255, 128, 0))
