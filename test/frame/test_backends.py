import io
import json
import sys
import unittest

import support
from inkstand_frame.backends import ShowFailed, create_backend
from inkstand_frame.backends.base import Picture
from inkstand_frame.backends.inky import InkyBackend
from inkstand_frame.backends.waveshare import WaveshareBackend
from inkstand_frame.png import BadImage, check_panel_image

# The server's palettes (main/imaging/builtin-profiles.ts): measured colours in the driver's index order.
SPECTRA6_MEASURED = [(0, 0, 0), (161, 164, 165), (208, 190, 71), (156, 72, 75), (61, 59, 94), (58, 91, 70)]
ACEP_73_MEASURED = [(0, 0, 0), (217, 242, 255), (3, 124, 76), (27, 46, 198), (245, 80, 34), (255, 255, 68), (239, 121, 44)]
UC8159_MEASURED = [(57, 48, 57), (255, 255, 255), (58, 91, 70), (61, 59, 94), (156, 72, 75), (208, 190, 71), (177, 106, 73)]


def stand_in(model: str):
    with support.environ(INKY_STANDIN_MODEL=model):
        return InkyBackend()


def indices_of(png: bytes) -> list[int]:
    from PIL import Image
    return list(Image.open(io.BytesIO(png)).getdata())


class InkyBackendTest(unittest.TestCase):
    def test_detects_each_impression_with_its_profile_and_buttons(self):
        expected = {
            "e673": ("inky-impression-7.3-spectra6", (800, 480), (5, 6, 16, 24)),
            "el133uf1": ("inky-impression-13.3-spectra6", (1600, 1200), (5, 6, 25, 24)),
            "ac073tc1a": ("inky-impression-7.3", (800, 480), (5, 6, 16, 24)),
            "uc8159-5.7": ("inky-impression-5.7", (600, 448), (5, 6, 16, 24)),
            "uc8159-4": ("inky-impression-4", (640, 400), (5, 6, 16, 24)),
            "e640": ("inky-impression-4-spectra6", (600, 400), (5, 6, 16, 24)),
        }
        for model, (panel, size, buttons) in expected.items():
            backend = stand_in(model)
            self.assertEqual((backend.panel, (backend.width, backend.height), backend.button_lines), (panel, size, buttons), model)

    def test_no_board_is_a_clear_error(self):
        with self.assertRaisesRegex(RuntimeError, "EEPROM"):
            stand_in("none")

    def test_spectra6_gets_every_index_as_sent_although_its_driver_matches_colours(self):
        remap = [0, 1, 2, 3, 5, 6]  # the driver's controller codes for its six colours
        for model, size in [("e640", (600, 400)), ("e673", (800, 480))]:
            png = support.indexed_png(*size, SPECTRA6_MEASURED)
            backend = stand_in(model)
            backend.show(Picture(png, "v1", "photo"))
            self.assertEqual(backend.display.buf, [remap[i] for i in indices_of(png)], model)
        self.assertEqual([c["call"] for c in backend.display.calls], ["set_image", "show"])
        self.assertEqual(backend.display.calls[0]["mode"], "P")

    def test_handing_the_measured_palette_to_the_spectra6_driver_would_lose_blue_and_green(self):
        # Why the backend swaps in the driver's pure palette: measured blue and green are nearer black.
        from PIL import Image
        png = support.indexed_png(800, 480, SPECTRA6_MEASURED)
        display = stand_in("e673").display
        display.set_image(Image.open(io.BytesIO(png)))
        self.assertNotIn(5, display.buf)
        self.assertNotIn(6, display.buf)

    def test_seven_colour_boards_get_the_indices_unchanged(self):
        for model, palette, size in [("ac073tc1a", ACEP_73_MEASURED, (800, 480)), ("uc8159-5.7", UC8159_MEASURED, (600, 448))]:
            png = support.indexed_png(*size, palette)
            backend = stand_in(model)
            backend.show(Picture(png, "v1", "photo"))
            self.assertEqual(backend.display.buf, indices_of(png), model)

    def test_more_colours_than_the_panel_has_is_refused_before_the_driver_sees_it(self):
        backend = stand_in("e673")
        png = support.indexed_png(800, 480, ACEP_73_MEASURED + [(1, 2, 3)] * 2)
        with self.assertRaisesRegex(ShowFailed, "panel profile"):
            backend.show(Picture(png, "v1", "photo"))
        self.assertEqual(backend.display.calls, [])

    def test_a_picture_that_is_not_indexed_is_refused(self):
        from PIL import Image
        out = io.BytesIO()
        Image.new("RGB", (800, 480), (10, 20, 30)).save(out, format="PNG")
        with self.assertRaisesRegex(ShowFailed, "not indexed"):
            stand_in("e673").show(Picture(out.getvalue(), "v1", "photo"))


class WaveshareBackendTest(unittest.TestCase):
    def test_indices_become_the_panel_bits_and_the_panel_sleeps_after(self):
        pixels = [(x // 7 + y) % 2 for y in range(480) for x in range(800)]
        png = support.indexed_png(800, 480, [(0, 0, 0), (255, 255, 255)], pixels)
        backend = WaveshareBackend()
        self.assertEqual((backend.panel, backend.width, backend.height), ("waveshare-7.5-v2", 800, 480))
        backend.show(Picture(png, "v1", "photo"))
        calls = backend.epd.calls
        self.assertEqual([c["call"] for c in calls], ["init", "getbuffer", "display", "sleep"])
        self.assertEqual(calls[1]["mode"], "1")
        self.assertEqual(calls[2]["black_pixels"], pixels.count(0))

    def test_a_colour_picture_is_refused(self):
        png = support.indexed_png(800, 480, SPECTRA6_MEASURED)
        with self.assertRaisesRegex(ShowFailed, "waveshare-7.5-v2"):
            WaveshareBackend().show(Picture(png, "v1", "photo"))


class FileAndCommandBackendTest(unittest.TestCase):
    def test_file_backend_writes_current_png_and_one_log_line_per_refresh(self):
        folder = support.temp_dir() / "panel"
        backend = create_backend(f"file:{folder}", 640, 400, str(support.temp_dir()))
        png = support.indexed_png(640, 400, UC8159_MEASURED)
        backend.show(Picture(png, "pairing-123456", "pairing"))
        backend.show(Picture(png, "abc", "photo"))
        self.assertEqual((folder / "current.png").read_bytes(), png)
        lines = (folder / "shown.log").read_text().splitlines()
        self.assertEqual([line.split()[1:3] for line in lines], [["pairing-123456", "pairing"], ["abc", "photo"]])

    def test_command_backend_runs_the_command_with_the_picture_path(self):
        work = support.temp_dir()
        out = work / "seen.json"
        script = f"import json, os, sys; json.dump([sys.argv[1], open(sys.argv[1], 'rb').read().hex()[:16], os.environ['INKSTAND_MODE']], open({str(out)!r}, 'w'))"
        backend = create_backend(f"command:{sys.executable} -c \"{script}\"", 800, 480, str(work))
        png = support.indexed_png(800, 480, SPECTRA6_MEASURED)
        backend.show(Picture(png, "v9", "dashboard"))
        path, head, mode = json.loads(out.read_text())
        self.assertEqual((path, head, mode), (str(work / "current.png"), png[:8].hex(), "dashboard"))

    def test_a_failing_command_is_reported_with_its_error(self):
        backend = create_backend(f"command:{sys.executable} -c \"import sys; sys.exit('panel busy')\"", 800, 480, str(support.temp_dir()))
        with self.assertRaisesRegex(ShowFailed, "exited with 1: panel busy"):
            backend.show(Picture(b"png", "v1", "photo"))

    def test_unknown_backends_are_refused(self):
        for spec in ["epaper", "file:", "command:", "inky:x"]:
            with self.assertRaises(ValueError):
                create_backend(spec, 800, 480, "/tmp")


class PanelImageCheckTest(unittest.TestCase):
    def test_size_and_type_are_checked(self):
        png = support.indexed_png(800, 480, SPECTRA6_MEASURED)
        self.assertEqual(check_panel_image(png, 800, 480).colour_type, 3)
        with self.assertRaisesRegex(BadImage, "800×480 but the panel is 600×448"):
            check_panel_image(png, 600, 448)
        with self.assertRaisesRegex(BadImage, "not a PNG"):
            check_panel_image(b"<html>", 800, 480)


if __name__ == "__main__":
    unittest.main()
