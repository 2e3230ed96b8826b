"""Each Waveshare backend against a stand-in driver: the codes reaching the panel are the server's indices, exactly."""
import io
import random
import unittest

import support
from inkstand_frame.backends import ShowFailed, create_backend
from inkstand_frame.backends.base import Picture
from inkstand_frame.backends.waveshare import WaveshareBackend

# The server's palettes for these profiles (main/imaging/waveshare-profiles.ts), in index order.
SPECTRA6_MEASURED = [(0, 0, 0), (161, 164, 165), (208, 190, 71), (156, 72, 75), (61, 59, 94), (58, 91, 70)]
ACEP_73_MEASURED = [(0, 0, 0), (217, 242, 255), (3, 124, 76), (27, 46, 198), (245, 80, 34), (255, 255, 68), (239, 121, 44)]
BWR = [(0, 0, 0), (255, 255, 255), (255, 0, 0)]
GREY4 = [(0, 0, 0), (128, 128, 128), (192, 192, 192), (255, 255, 255)]


def noise(width, height, count, seed=7):
    rng = random.Random(seed)
    return [rng.randrange(count) for _ in range(width * height)]


def indices_of(png: bytes) -> list[int]:
    from PIL import Image
    return list(Image.open(io.BytesIO(png)).getdata())


def shown(spec: str, palette, pixels=None):
    backend = WaveshareBackend(spec)
    png = support.indexed_png(backend.width, backend.height, palette, pixels)
    backend.show(Picture(png, "v1", "photo"))
    return backend, indices_of(png)


class ColourPanelsTest(unittest.TestCase):
    def test_spectra6_panels_get_their_native_codes_for_every_index(self):
        native = [0, 1, 2, 3, 5, 6]  # the drivers' codes for black, white, yellow, red, blue, green
        for spec, profile, size in [("epd7in3e", "waveshare-7.3e", (800, 480)), ("epd4in0e", "waveshare-4.0e", (400, 600)),
                                    ("epd13in3e", "waveshare-13.3e", (1200, 1600))]:
            backend, indices = shown(spec, SPECTRA6_MEASURED, noise(*size, 6) if spec != "epd13in3e" else None)
            self.assertEqual((backend.panel, (backend.width, backend.height)), (profile, size), spec)
            self.assertEqual(backend.epd.codes, [native[i] for i in indices], spec)
            self.assertEqual([c["call"] for c in backend.epd.calls], ["init", "getbuffer", "display", "sleep"], spec)

    def test_the_seven_colour_panel_gets_the_indices_unchanged(self):
        backend, indices = shown("epd7in3f", ACEP_73_MEASURED, noise(800, 480, 7))
        self.assertEqual(backend.panel, "waveshare-7.3f")
        self.assertEqual(backend.epd.codes, indices)

    def test_more_colours_than_the_panel_shows_are_refused_before_the_driver_sees_them(self):
        backend = WaveshareBackend("epd7in3e")
        png = support.indexed_png(800, 480, ACEP_73_MEASURED)
        with self.assertRaisesRegex(ShowFailed, "waveshare-7.3e"):
            backend.show(Picture(png, "v1", "photo"))
        self.assertEqual(backend.epd.calls, [])


class TwoLayerPanelsTest(unittest.TestCase):
    def test_black_and_red_layers_are_exactly_the_black_and_red_pixels_and_disjoint(self):
        for spec, size in [("epd2in13b_V4", (122, 250)), ("epd7in5b_V2", (800, 480)), ("epd4in2bc:yellow", (400, 300))]:
            pixels = noise(*size, 3)
            backend, _ = shown(spec, BWR, pixels)
            width = size[0]
            black = {(i % width, i // width) for i, p in enumerate(pixels) if p == 0}
            colour = {(i % width, i // width) for i, p in enumerate(pixels) if p == 2}
            self.assertEqual(backend.epd.layers, [black, colour], spec)
            self.assertFalse(backend.epd.layers[0] & backend.epd.layers[1], spec)
            self.assertEqual([c["call"] for c in backend.epd.calls], ["init", "getbuffer", "getbuffer", "display", "sleep"], spec)
            self.assertEqual([c["mode"] for c in backend.epd.calls if c["call"] == "getbuffer"], ["1", "1"], spec)

    def test_the_bc_drivers_pick_the_profile_by_ink(self):
        self.assertEqual(WaveshareBackend("epd7in5bc").panel, "waveshare-7.5b")
        self.assertEqual(WaveshareBackend("epd7in5bc:yellow").panel, "waveshare-7.5c")


class FourGreyPanelsTest(unittest.TestCase):
    def test_each_grey_index_becomes_its_two_bit_level(self):
        for spec, profile, size in [("epd4in2:4grey", "waveshare-4.2-4grey", (400, 300)), ("epd2in7:4grey", "waveshare-2.7-4grey", (176, 264))]:
            pixels = noise(*size, 4)
            backend, _ = shown(spec, GREY4, pixels)
            self.assertEqual(backend.panel, profile)
            # getbuffer_4Gray's codes: 0 black, 1 dark grey (0x80 in), 2 light grey (0xC0 in), 3 white.
            self.assertEqual(backend.epd.two_bit, pixels, spec)
            self.assertEqual([c["call"] for c in backend.epd.calls], ["Init_4Gray", "getbuffer_4Gray", "display_4Gray", "sleep"], spec)


class SpecTest(unittest.TestCase):
    def test_backend_spec_names_the_module(self):
        backend = create_backend("waveshare:epd7in3f", 800, 480, "/tmp")
        self.assertEqual(backend.describe(), "waveshare epd7in3f 800×480 (waveshare-7.3f)")
        self.assertEqual(create_backend("waveshare", 800, 480, "/tmp").panel, "waveshare-7.5-v2")

    def test_an_unknown_module_is_refused_with_the_known_ones(self):
        with self.assertRaisesRegex(ValueError, "epd7in3f"):
            create_backend("waveshare:epd99in9", 800, 480, "/tmp")


if __name__ == "__main__":
    unittest.main()
