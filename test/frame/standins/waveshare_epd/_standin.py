"""Shared behaviour of the `waveshare_epd` stand-ins: the drivers' documented calls, recording what reached the panel.

Each `getbuffer` does what Waveshare's driver of that kind does with an image (the colour drivers
quantize it against their own pure palette and pack two 4-bit native codes per byte; the 1-bit
drivers clear a bit for every 0 pixel; the 4-grey drivers keep the top two bits of the mapped levels),
so a test sees exactly the codes a real panel would be sent.
"""


class StandInEPD:
    width = 0
    height = 0

    def __init__(self):
        self.calls = []
        self.awake = False

    def init(self):
        self.awake = True
        self.calls.append({"call": "init"})
        return 0

    def sleep(self):
        self.awake = False
        self.calls.append({"call": "sleep"})

    def _upright(self, image):
        if image.size == (self.height, self.width):
            return image.rotate(90, expand=True)
        if image.size != (self.width, self.height):
            raise AssertionError(f"image is {image.size}, the panel {self.width}x{self.height}")
        return image

    def _require_awake(self):
        if not self.awake:
            raise RuntimeError("display() before init(): the panel is asleep")


class PaletteEPD(StandInEPD):
    """epd7in3f, epd7in3e, epd4in0e, epd13in3E: `display(buf)` with 4-bit native codes."""

    DRIVER_PALETTE = ()

    def getbuffer(self, image):
        from PIL import Image

        palette = Image.new("P", (1, 1))
        palette.putpalette(tuple(c for rgb in self.DRIVER_PALETTE for c in rgb) + (0, 0, 0) * (256 - len(self.DRIVER_PALETTE)))
        self.calls.append({"call": "getbuffer", "mode": image.mode})
        codes = self._upright(image).convert("RGB").quantize(palette=palette).tobytes()
        return [(a << 4) | b for a, b in zip(codes[0::2], codes[1::2])]

    def display(self, buf):
        self._require_awake()
        self.codes = [c for byte in buf for c in (byte >> 4, byte & 0x0F)]
        self.calls.append({"call": "display", "buffers": 1})


class TwoLayerEPD(StandInEPD):
    """The black/white/red and black/white/yellow drivers: `display(imageblack, imagecolour)`."""

    def getbuffer(self, image):
        self.calls.append({"call": "getbuffer", "mode": image.mode})
        image = self._upright(image.convert("1"))
        stride = (self.width + 7) // 8
        buf = bytearray([0xFF] * (stride * self.height))
        pixels = image.load()
        for y in range(self.height):
            for x in range(self.width):
                if pixels[x, y] == 0:
                    buf[y * stride + x // 8] &= ~(0x80 >> (x % 8)) & 0xFF
        return buf

    def display(self, imageblack, imagecolour):
        self._require_awake()
        stride = (self.width + 7) // 8
        self.layers = [self._inked(imageblack, stride), self._inked(imagecolour, stride)]
        self.calls.append({"call": "display", "buffers": 2})

    def _inked(self, buf, stride):
        """The set of (x, y) with ink in one layer: a cleared bit."""
        return {(x, y) for y in range(self.height) for x in range(self.width) if not buf[y * stride + x // 8] & (0x80 >> (x % 8))}


class Grey4EPD(StandInEPD):
    """The 4-grey mode of epd4in2 / epd2in7: `Init_4Gray`, `getbuffer_4Gray`, `display_4Gray`."""

    def Init_4Gray(self):
        self.awake = True
        self.calls.append({"call": "Init_4Gray"})
        return 0

    def getbuffer_4Gray(self, image):
        self.calls.append({"call": "getbuffer_4Gray", "mode": image.mode})
        pixels = list(self._upright(image.convert("L")).getdata())
        mapped = [0x80 if p == 0xC0 else 0x40 if p == 0x80 else p for p in pixels]
        return [(a & 0xC0) | (b & 0xC0) >> 2 | (c & 0xC0) >> 4 | (d & 0xC0) >> 6 for a, b, c, d in zip(*(mapped[i::4] for i in range(4)))]

    def display_4Gray(self, buf):
        self._require_awake()
        self.two_bit = [(byte >> shift) & 0x03 for byte in buf for shift in (6, 4, 2, 0)]
        self.calls.append({"call": "display_4Gray"})
