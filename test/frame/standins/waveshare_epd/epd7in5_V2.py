"""Stand-in for `waveshare_epd.epd7in5_V2`: the 7.5" V2 black/white panel, recording what it is sent."""
import hashlib
import json
import os

EPD_WIDTH = 800
EPD_HEIGHT = 480


class EPD:
    def __init__(self):
        self.width = EPD_WIDTH
        self.height = EPD_HEIGHT
        self.calls = []
        self.awake = False

    def init(self):
        self.awake = True
        self._record("init")
        return 0

    def getbuffer(self, image):
        # As documented: the image becomes mode "1"; the panel's bytes are PIL's inverted (1 = black).
        if image.size == (self.height, self.width):
            image = image.rotate(90, expand=True)
        if image.size != (self.width, self.height):
            return [0x00] * (self.width // 8 * self.height)
        self._record("getbuffer", mode=image.mode)
        return bytearray(b ^ 0xFF for b in image.convert("1").tobytes("raw"))

    def display(self, image):
        if not self.awake:
            raise RuntimeError("display() before init(): the panel is asleep")
        black = sum(bin(b).count("1") for b in image)
        self._record("display", buffer_sha256=hashlib.sha256(bytes(image)).hexdigest(), black_pixels=black)

    def Clear(self):
        self._record("Clear")

    def sleep(self):
        self.awake = False
        self._record("sleep")

    def _record(self, call, **details):
        entry = {"call": call, **details}
        self.calls.append(entry)
        path = os.environ.get("WAVESHARE_STANDIN_RECORD")
        if path:
            with open(path, "a", encoding="utf-8") as out:
                out.write(json.dumps(entry) + "\n")
