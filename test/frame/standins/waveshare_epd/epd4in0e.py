"""Stand-in for `waveshare_epd.epd4in0e`: 4" Spectra 6, 400x600; code 4 is unused (black again in its getbuffer palette)."""
from ._standin import PaletteEPD


class EPD(PaletteEPD):
    width = 400
    height = 600
    DRIVER_PALETTE = ((0, 0, 0), (255, 255, 255), (255, 255, 0), (255, 0, 0), (0, 0, 0), (0, 0, 255), (0, 255, 0))
