"""Which Waveshare panels the frame drives, and how each driver wants its pixels.

Every entry names the module of Waveshare's `waveshare_epd` package (the 13.3" Spectra 6 comes as a
separate program: `epd13in3E`), the Inkstand panel profile the frame bootstraps with (the server then
sends indices in that profile's order), and the way the driver takes a picture:

- `mono`: one 1-bit image (Pillow mode "1": 0 black, 1 white) → `getbuffer` → `display(buffer)`.
- `palette`: the colour panels. Their `getbuffer` quantizes an RGB image against the driver's own
  pure palette and packs its native codes (Spectra 6: 0 black, 1 white, 2 yellow, 3 red, 5 blue,
  6 green; 7-colour: 0–6), so index i is handed over as `colours[i]`, which matches itself exactly.
- `two-layer`: black/white/red and black/white/yellow panels. `display(black, colour)` takes two 1-bit
  buffers, each made by `getbuffer` from an image whose 0 pixels carry that layer's ink. Index 0
  (black) goes to the first layer only and index 2 (red or yellow) to the second only: disjoint.
- `grey4`: the 4-grey mode. `getbuffer_4Gray` takes an "L" image with exactly the levels 0x00, 0x80,
  0xC0 and 0xFF (black, dark grey, light grey, white), which are indices 0–3.
"""
from dataclasses import dataclass

SPECTRA6_DRIVER = ((0, 0, 0), (255, 255, 255), (255, 255, 0), (255, 0, 0), (0, 0, 255), (0, 255, 0))
ACEP7_DRIVER = ((0, 0, 0), (255, 255, 255), (0, 255, 0), (0, 0, 255), (255, 0, 0), (255, 255, 0), (255, 128, 0))
GREY4_LEVELS = (0x00, 0x80, 0xC0, 0xFF)


@dataclass(frozen=True)
class WavesharePanel:
    module: str
    profile: str
    kind: str  # mono | palette | two-layer | grey4
    colours: tuple = ()
    #: The import name when it is not `waveshare_epd.<module>` (Waveshare's separate 13.3" E program).
    standalone_module: str | None = None


def _two_layer(module: str, profile: str) -> WavesharePanel:
    return WavesharePanel(module, profile, "two-layer")


PANELS: dict[str, WavesharePanel] = {p.module if p.kind != "grey4" else f"{p.module}:4grey": p for p in [
    WavesharePanel("epd7in5_V2", "waveshare-7.5-v2", "mono"),
    WavesharePanel("epd7in3f", "waveshare-7.3f", "palette", ACEP7_DRIVER),
    WavesharePanel("epd4in0e", "waveshare-4.0e", "palette", SPECTRA6_DRIVER),
    WavesharePanel("epd7in3e", "waveshare-7.3e", "palette", SPECTRA6_DRIVER),
    WavesharePanel("epd13in3e", "waveshare-13.3e", "palette", SPECTRA6_DRIVER, standalone_module="epd13in3E"),
    _two_layer("epd7in5b_V2", "waveshare-7.5b-v2"),
    _two_layer("epd5in83b_V2", "waveshare-5.83b-v2"),
    _two_layer("epd4in2b_V2", "waveshare-4.2b-v2"),
    _two_layer("epd2in9b_V4", "waveshare-2.9b-v4"),
    _two_layer("epd2in13b_V4", "waveshare-2.13b-v4"),
    WavesharePanel("epd4in2", "waveshare-4.2-4grey", "grey4"),
    WavesharePanel("epd4in2_V2", "waveshare-4.2-4grey", "grey4"),
    WavesharePanel("epd2in7", "waveshare-2.7-4grey", "grey4"),
    WavesharePanel("epd2in7_V2", "waveshare-2.7-4grey", "grey4"),
]}
# The "bc" drivers serve both the red (B) and the yellow (C) version of a panel; which ink it has is on its label.
for _module, _size in (("epd7in5bc", "7.5"), ("epd5in83bc", "5.83"), ("epd4in2bc", "4.2")):
    PANELS[_module] = _two_layer(_module, f"waveshare-{_size}b")
    PANELS[f"{_module}:yellow"] = _two_layer(_module, f"waveshare-{_size}c")


def find_panel(spec: str) -> WavesharePanel:
    """`epd7in3f`, `epd4in2:4grey`, `epd4in2bc:yellow` …; ValueError naming the known ones otherwise."""
    panel = PANELS.get(spec)
    if panel is None:
        known = ", ".join(sorted(PANELS))
        raise ValueError(f"no Inkstand support for the Waveshare panel {spec!r}; known: {known}")
    return panel
