"""`waveshare` and `waveshare:<module>`: Waveshare e-Paper panels through Waveshare's own Python drivers.

The server sends an indexed PNG in the panel profile's order (waveshare_panels.py says which profile
each module has and how its driver takes pixels), so indices become the driver's input without any
matching or dithering here. After each refresh the panel is put to sleep, as Waveshare asks: high
voltage left on between refreshes damages it.
"""
import importlib
import sys
from pathlib import Path

from .base import Backend, Picture, ShowFailed
from .indexed import colours_used, open_indexed, with_palette
from .waveshare_panels import GREY4_LEVELS, WavesharePanel, find_panel

LAYER_INKS = {"two-layer": 3, "grey4": 4, "mono": 2}
#: Where the installer puts Waveshare's separate 13.3" Spectra 6 program (beside the inkstand_frame package).
STANDALONE_DIR = Path(__file__).resolve().parents[2] / "waveshare_epd13in3e"


def load_driver(panel: WavesharePanel):
    """The module's `EPD()`; a clear RuntimeError when the driver is not installed."""
    try:
        if panel.standalone_module:
            if STANDALONE_DIR.is_dir() and str(STANDALONE_DIR) not in sys.path:
                sys.path.append(str(STANDALONE_DIR))
            module = importlib.import_module(panel.standalone_module)
        else:
            module = importlib.import_module(f"waveshare_epd.{panel.module}")
    except ImportError as err:
        raise RuntimeError(f"Waveshare's {panel.module} driver is not installed (install.sh --backend waveshare:{panel.module} installs it): {err}") from err
    return module.EPD()


class WaveshareBackend(Backend):
    def __init__(self, spec: str = "epd7in5_V2", epd=None):
        self.spec = spec
        self.model = find_panel(spec)
        self.panel = self.model.profile
        self.epd = epd if epd is not None else load_driver(self.model)
        self.width, self.height = self.epd.width, self.epd.height
        if self.model.kind == "grey4" and not hasattr(self.epd, "getbuffer_4Gray"):
            raise RuntimeError(f"this {self.model.module} driver has no 4-grey mode (getbuffer_4Gray)")

    def describe(self) -> str:
        return f"waveshare {self.spec} {self.width}×{self.height} ({self.panel})"

    def show(self, picture: Picture) -> None:
        indexed = open_indexed(picture.png)
        allowed = len(self.model.colours) or LAYER_INKS[self.model.kind]
        if colours_used(indexed) > allowed:
            raise ShowFailed(f"the picture uses {colours_used(indexed)} colours but this panel shows {allowed}: set the display's panel profile to {self.panel} in Inkstand")
        try:
            self._init()
            self._draw(indexed)
            self.epd.sleep()
        except (OSError, RuntimeError) as err:
            raise ShowFailed(f"the Waveshare driver failed: {err}") from err

    def _init(self) -> None:
        if self.model.kind == "grey4":
            init = getattr(self.epd, "Init_4Gray", None) or self.epd.init_4Gray
        else:
            init = getattr(self.epd, "init", None) or self.epd.Init  # the 13.3" E program spells it Init
        if init() not in (0, None):
            raise ShowFailed("the panel did not initialise (check the SPI wiring and that SPI is enabled)")

    def _draw(self, indexed) -> None:
        from PIL import Image

        indices = Image.frombytes("L", indexed.size, indexed.tobytes())
        kind = self.model.kind
        if kind == "mono":
            self.epd.display(self.epd.getbuffer(_ink_layer(indices, lambda i: i == 0)))
        elif kind == "palette":
            rgb = with_palette(indexed, [list(c) for c in self.model.colours]).convert("RGB")
            self.epd.display(self.epd.getbuffer(rgb))
        elif kind == "two-layer":
            black = self.epd.getbuffer(_ink_layer(indices, lambda i: i == 0))
            colour = self.epd.getbuffer(_ink_layer(indices, lambda i: i == 2))
            self.epd.display(black, colour)
        else:
            levels = indices.point(lambda i: GREY4_LEVELS[i] if i < len(GREY4_LEVELS) else 0xFF)
            self.epd.display_4Gray(self.epd.getbuffer_4Gray(levels))


def _ink_layer(indices, inked):
    """A mode "1" image that is 0 (ink) exactly where `inked(index)` and 1 (paper) everywhere else."""
    from PIL import Image

    return indices.point(lambda i: 0 if inked(i) else 255).convert("1", dither=Image.Dither.NONE)
