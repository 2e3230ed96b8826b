"""Stand-in for `epd13in3E`, Waveshare's separate 13.3" Spectra 6 (E) program: 1200x1600, initialised by `Init()`."""
from waveshare_epd._standin import PaletteEPD, StandInEPD


class EPD(PaletteEPD):
    width = 1200
    height = 1600
    DRIVER_PALETTE = ((0, 0, 0), (255, 255, 255), (255, 255, 0), (255, 0, 0), (0, 0, 0), (0, 0, 255), (0, 255, 0))
    init = None  # that program has no init(), only Init()

    def Init(self):
        StandInEPD.init(self)
