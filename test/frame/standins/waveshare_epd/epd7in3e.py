"""Stand-in for `waveshare_epd.epd7in3e`: 7.3" Spectra 6; code 4 is unused (its getbuffer palette has orange there)."""
from ._standin import PaletteEPD


class EPD(PaletteEPD):
    width = 800
    height = 480
    DRIVER_PALETTE = ((0, 0, 0), (255, 255, 255), (255, 255, 0), (255, 0, 0), (255, 128, 0), (0, 0, 255), (0, 255, 0))
