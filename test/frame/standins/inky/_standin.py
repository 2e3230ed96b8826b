"""What the stand-in Inky boards share: the documented set_image/show behaviour, recorded."""
import hashlib
import json
import os

from PIL import Image

BLACK, WHITE = [0, 0, 0], [255, 255, 255]


class StandinInky:
    """Subclasses set `resolution`, `DESATURATED_PALETTE`, `SATURATED_PALETTE` and `spectra`."""

    spectra = False

    def __init__(self, resolution=None, colour="multi", **_pins):
        self.resolution = resolution or self.default_resolution
        self.width, self.height = self.resolution
        self.WIDTH, self.HEIGHT = self.resolution
        self.colour = colour
        self.border_colour = 1
        self.buf = [0] * (self.width * self.height)
        self.calls = []

    def _palette_blend(self, saturation):
        colours = len(self.SATURATED_PALETTE) - 1
        out = []
        for sat, desat in zip(self.SATURATED_PALETTE[:colours], self.DESATURATED_PALETTE[:colours]):
            out += [int(s * saturation + d * (1.0 - saturation)) for s, d in zip(sat, desat)]
        return out

    def set_border(self, colour):
        self.border_colour = colour

    def set_image(self, image, saturation=0.5):
        if image.size != (self.width, self.height):
            raise ValueError(f"Image must be ({self.width}x{self.height}) pixels!")
        self._record("set_image", mode=image.mode, palette_colours=len(image.palette.colors) if image.mode == "P" else None)
        if self.spectra:
            self._set_image_spectra(image, saturation)
        else:
            self._set_image_7colour(image, saturation)

    def _set_image_7colour(self, image, saturation):
        # 7-colour drivers (uc8159, ac073tc1a): a P-mode image's indices go straight into the buffer.
        if image.mode != "P":
            palette_image = Image.new("P", (1, 1))
            palette_image.putpalette(self._palette_blend(saturation) + [0, 0, 0] * 248)
            image = image.convert("RGB").quantize(palette=palette_image, dither=Image.Dither.FLOYDSTEINBERG)
        self.buf = list(image.getdata())

    def _set_image_spectra(self, image, saturation):
        # Spectra 6 drivers (e673, el133uf1): everything is matched against a palette, then remapped
        # to the controller's codes (which skip 4). A P-mode image is matched against the pure colours.
        palette_image = Image.new("P", (1, 1))
        dither = Image.Dither.FLOYDSTEINBERG
        if image.mode == "P":
            pure = [c for colour in self.DESATURATED_PALETTE[:6] for c in colour]
            palette_image.putpalette(pure)
            if not image.palette.colors:
                image.putpalette(pure)
            if len(image.palette.colors) == 6:
                dither = Image.Dither.NONE
        else:
            palette_image.putpalette(self._palette_blend(saturation))
        matched = image.convert("RGB").quantize(6, palette=palette_image, dither=dither)
        remap = [0, 1, 2, 3, 5, 6]
        self.buf = [remap[index] for index in matched.getdata()]

    def show(self, busy_wait=True):
        counts = {}
        for value in self.buf:
            counts[value] = counts.get(value, 0) + 1
        self._record("show", buffer_sha256=hashlib.sha256(bytes(self.buf)).hexdigest(), counts={str(k): v for k, v in sorted(counts.items())})

    def _record(self, call, **details):
        entry = {"call": call, "module": type(self).__module__, **details}
        self.calls.append(entry)
        path = os.environ.get("INKY_STANDIN_RECORD")
        if path:
            with open(path, "a", encoding="utf-8") as out:
                out.write(json.dumps(entry) + "\n")
