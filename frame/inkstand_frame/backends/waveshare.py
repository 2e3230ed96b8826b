"""`waveshare`: the Waveshare 7.5" V2 black/white panel through Waveshare's `waveshare_epd.epd7in5_V2`.

The server sends a 1-bit indexed PNG in the profile's order (0 black, 1 white), which is exactly
Pillow's mode "1" (0 black, 1 white), so the indices become the panel's bits without any matching
or dithering. After each refresh the panel is put to sleep, as Waveshare asks: high voltage left on
between refreshes damages it.
"""
from .base import Backend, Picture, ShowFailed
from .indexed import colours_used, open_indexed


class WaveshareBackend(Backend):
    panel = "waveshare-7.5-v2"

    def __init__(self, epd=None):
        if epd is None:
            try:
                from waveshare_epd import epd7in5_V2
            except ImportError as err:
                raise RuntimeError("the waveshare_epd library is not installed (frame/install.sh installs it)") from err
            epd = epd7in5_V2.EPD()
        self.epd = epd
        self.width, self.height = epd.width, epd.height

    def describe(self) -> str:
        return f"waveshare epd7in5_V2 {self.width}×{self.height}"

    def show(self, picture: Picture) -> None:
        from PIL import Image

        indexed = open_indexed(picture.png)
        if colours_used(indexed) > 2:
            raise ShowFailed("the picture uses more than two colours: set the display's panel profile to waveshare-7.5-v2 in Inkstand")
        indices = Image.frombytes("L", indexed.size, indexed.tobytes())
        bits = indices.point(lambda index: 255 if index else 0).convert("1", dither=Image.Dither.NONE)
        try:
            if self.epd.init() not in (0, None):
                raise ShowFailed("the panel did not initialise (check the SPI wiring and that SPI is enabled)")
            self.epd.display(self.epd.getbuffer(bits))
            self.epd.sleep()
        except (OSError, RuntimeError) as err:
            raise ShowFailed(f"the Waveshare driver failed: {err}") from err
