import threading
import time
import unittest

import support  # noqa: F401
import gpiod
from gpiod.line import Bias, Direction, Edge
from inkstand_frame.buttons import GpioButtons, PressDetector


class PressDetectorTest(unittest.TestCase):
    def test_short_press_on_release(self):
        d = PressDetector(long_s=1.0)
        self.assertEqual(d.change("A", True, 10.0), [])
        self.assertEqual(d.tick(10.5), [])
        self.assertEqual(d.change("A", False, 10.3), [("A", "press")])

    def test_long_press_fires_while_held_and_not_again_on_release(self):
        d = PressDetector(long_s=1.0)
        d.change("B", True, 0.0)
        self.assertEqual(d.next_deadline(), 1.0)
        self.assertEqual(d.tick(0.99), [])
        self.assertEqual(d.tick(1.0), [("B", "long")])
        self.assertEqual(d.tick(1.5), [])
        self.assertIsNone(d.next_deadline())
        self.assertEqual(d.change("B", False, 3.0), [])
        d.change("B", True, 4.0)
        self.assertEqual(d.change("B", False, 4.1), [("B", "press")])

    def test_buttons_are_independent_and_a_stray_release_is_ignored(self):
        d = PressDetector(long_s=1.0)
        self.assertEqual(d.change("C", False, 0.0), [])
        d.change("C", True, 0.0)
        d.change("D", True, 0.2)
        self.assertEqual(d.change("D", False, 0.3), [("D", "press")])
        self.assertEqual(d.tick(1.0), [("C", "long")])


class GpioButtonsTest(unittest.TestCase):
    def setUp(self):
        gpiod.standin_reset()
        self.presses = []
        self.pressed = threading.Event()

    def on_press(self, button, kind):
        self.presses.append((button, kind))
        self.pressed.set()

    def start(self, lines=(5, 6, 16, 24), long_s=0.3):
        buttons = GpioButtons(lines, self.on_press, gpiod=gpiod, chip_path="/dev/gpiochip0", long_s=long_s)
        buttons.start()
        self.addCleanup(buttons.stop)
        return buttons

    def wait_for(self, count, timeout=3.0):
        deadline = time.monotonic() + timeout
        while len(self.presses) < count and time.monotonic() < deadline:
            time.sleep(0.01)
        return self.presses

    def test_requests_the_lines_as_pulled_up_inputs_with_both_edges(self):
        self.start(lines=(5, 6, 25, 24))
        [request] = gpiod.standin_requests
        settings = request["settings"]
        self.assertEqual(request["offsets"], [5, 6, 25, 24])
        self.assertEqual((settings.direction, settings.bias, settings.edge_detection), (Direction.INPUT, Bias.PULL_UP, Edge.BOTH))

    def test_a_bouncing_short_press_is_one_press(self):
        self.start()
        for pressed in (True, False, True, False, True):  # contact bounce within a few ms
            gpiod.standin_push(6, pressed)
        time.sleep(0.1)
        gpiod.standin_push(6, False)
        self.assertEqual(self.wait_for(1), [("B", "press")])
        time.sleep(0.1)
        self.assertEqual(self.presses, [("B", "press")])

    def test_holding_gives_one_long_press_before_release(self):
        self.start(long_s=0.3)
        gpiod.standin_push(24, True)
        self.assertEqual(self.wait_for(1), [("D", "long")])
        gpiod.standin_push(24, False)
        time.sleep(0.15)
        self.assertEqual(self.presses, [("D", "long")])

    def test_libgpiod_1_bindings_are_named_in_the_error(self):
        class OldGpiod:
            __version__ = "1.6.3"
        with self.assertRaisesRegex(RuntimeError, "libgpiod 2"):
            GpioButtons((5, 6, 16, 24), self.on_press, gpiod=OldGpiod, chip_path="/dev/gpiochip0")


if __name__ == "__main__":
    unittest.main()
