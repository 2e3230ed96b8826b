"""`inky`: Pimoroni Inky Impression panels through Pimoroni's `inky` library (found with `inky.auto`).

The server's PNG already holds the panel's colour indices in the driver's order (DESIGN.md §5), so
the frame passes a P-mode image and the driver uses those indices. One subtlety: the Spectra 6
drivers (inky_e673, inky_el133uf1) convert a P-mode image to RGB and match it against their own pure
palette (`DESATURATED_PALETTE`) before remapping to the controller's codes. The PNG's palette is the
panel's *measured* colours (dark blue and green are nearer black than pure blue or green), so the
image is handed over under the driver's own pure palette: every index then matches itself exactly.
For the 7-colour drivers, which copy P-mode indices straight into their buffer, this changes nothing.
"""
import logging

from .base import Backend, Picture, ShowFailed
from .indexed import colours_used, distinct_prefix, open_indexed, with_palette

log = logging.getLogger(__name__)

BUTTONS_IMPRESSION = (5, 6, 16, 24)
BUTTONS_IMPRESSION_13 = (5, 6, 25, 24)

# (driver module, resolution) → Inkstand panel profile and the GPIO lines of buttons A–D.
PANELS = {
    ("inky.inky_uc8159", (600, 448)): ("inky-impression-5.7", BUTTONS_IMPRESSION),
    ("inky.inky_uc8159", (640, 400)): ("inky-impression-4", BUTTONS_IMPRESSION),
    ("inky.inky_ac073tc1a", (800, 480)): ("inky-impression-7.3", BUTTONS_IMPRESSION),
    ("inky.inky_e640", (600, 400)): ("inky-impression-4-spectra6", BUTTONS_IMPRESSION),
    ("inky.inky_e673", (800, 480)): ("inky-impression-7.3-spectra6", BUTTONS_IMPRESSION),
    ("inky.inky_el133uf1", (1600, 1200)): ("inky-impression-13.3-spectra6", BUTTONS_IMPRESSION_13),
}


class InkyBackend(Backend):
    def __init__(self, display=None):
        if display is None:
            try:
                from inky.auto import auto
            except ImportError as err:
                raise RuntimeError("the inky library is not installed (frame/install.sh installs it)") from err
            display = auto()  # reads the board's EEPROM over I2C; raises when no Inky is attached
        self.display = display
        self.width, self.height = display.width, display.height
        self.module = type(display).__module__
        known = PANELS.get((self.module, (self.width, self.height)))
        if known:
            self.panel, self.button_lines = known
        else:
            log.warning("%s (%d×%d) has no Inkstand panel profile: the server picks one by size; check it in the app",
                        self.module, self.width, self.height)
        self.driver_palette = distinct_prefix(getattr(display, "DESATURATED_PALETTE", None) or [])

    def describe(self) -> str:
        return f"inky {self.module} {self.width}×{self.height} ({self.panel or 'no profile'})"

    def show(self, picture: Picture) -> None:
        image = open_indexed(picture.png)
        if self.driver_palette:
            if colours_used(image) > len(self.driver_palette):
                raise ShowFailed(f"the picture uses {colours_used(image)} colours but this panel shows {len(self.driver_palette)}: check the display's panel profile in Inkstand")
            image = with_palette(image, self.driver_palette)
        try:
            self.display.set_image(image)
            self.display.show()
        except (OSError, RuntimeError, ValueError) as err:
            raise ShowFailed(f"the Inky driver failed: {err}") from err
