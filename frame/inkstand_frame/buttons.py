"""The Inky Impression's four buttons, read through libgpiod (python3 bindings, API v2), as short and long presses.

The buttons pull their line low while held. Contacts bounce, so after an edge the reader lets the
line settle and then reads the level itself: a press is a level change, not a count of edges. A
long press fires as soon as the button has been held long enough, without waiting for release.
"""
import glob
import logging
import os
import queue
import threading
import time

log = logging.getLogger(__name__)

BUTTON_NAMES = ("A", "B", "C", "D")
LONG_PRESS_S = 1.0
SETTLE_S = 0.02
# gpiochip labels of the Raspberry Pi's header GPIOs (Zero/1/2/3, 4, 5); offsets there are BCM numbers.
PI_CHIP_LABELS = ("pinctrl-bcm2835", "pinctrl-bcm2711", "pinctrl-rp1", "pinctrl-bcm2712")


class PressDetector:
    """Turns level changes of each button into ('A', 'press') and ('A', 'long') events."""

    def __init__(self, long_s: float = LONG_PRESS_S):
        self.long_s = long_s
        self.down_at: dict[str, float] = {}
        self.long_fired: set[str] = set()

    def change(self, button: str, pressed: bool, now: float) -> list[tuple[str, str]]:
        if pressed:
            self.down_at.setdefault(button, now)
            return []
        started = self.down_at.pop(button, None)
        if started is None or button in self.long_fired:
            self.long_fired.discard(button)
            return []
        return [(button, "long" if now - started >= self.long_s else "press")]

    def tick(self, now: float) -> list[tuple[str, str]]:
        due = [b for b, started in self.down_at.items() if b not in self.long_fired and now - started >= self.long_s]
        self.long_fired.update(due)
        return [(b, "long") for b in due]

    def next_deadline(self) -> float | None:
        waiting = [started + self.long_s for b, started in self.down_at.items() if b not in self.long_fired]
        return min(waiting) if waiting else None


def find_chip_path(gpiod, override: str | None = None) -> str:
    """The gpiochip of the Pi's header: INKSTAND_GPIO_CHIP if set, else the chip with a Raspberry Pi label."""
    if override:
        return override
    for path in sorted(glob.glob("/dev/gpiochip*")):
        try:
            with gpiod.Chip(path) as chip:
                if chip.get_info().label in PI_CHIP_LABELS:
                    return path
        except OSError:
            continue
    raise RuntimeError("no Raspberry Pi GPIO chip found (set INKSTAND_GPIO_CHIP=/dev/gpiochipN)")


class GpioButtons:
    """Reads the four lines on a thread of its own and hands each press to `on_press(button, kind)`."""

    def __init__(self, lines: tuple[int, int, int, int], on_press, gpiod=None, chip_path: str | None = None, long_s: float = LONG_PRESS_S):
        if gpiod is None:
            import gpiod  # python3-libgpiod; imported only when a panel has buttons
        if not hasattr(gpiod, "LineSettings"):
            raise RuntimeError(f"buttons need the libgpiod 2 Python bindings; found gpiod {getattr(gpiod, '__version__', '1.x')}")
        self.gpiod = gpiod
        self.lines = dict(zip(lines, BUTTON_NAMES))
        self.on_press = on_press
        self.detector = PressDetector(long_s)
        self.chip_path = find_chip_path(gpiod, chip_path or os.environ.get("INKSTAND_GPIO_CHIP"))
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        from gpiod.line import Bias, Direction, Edge

        settings = self.gpiod.LineSettings(direction=Direction.INPUT, bias=Bias.PULL_UP, edge_detection=Edge.BOTH)
        self._chip = self.gpiod.Chip(self.chip_path)
        self._request = self._chip.request_lines(consumer="inkstand-frame", config={tuple(self.lines): settings})
        self._held = {name: self._pressed(offset) for offset, name in self.lines.items()}
        self._thread = threading.Thread(target=self._run, name="buttons", daemon=True)
        self._thread.start()
        log.info("buttons A–D on GPIO %s", ", ".join(str(o) for o in self.lines))

    def stop(self) -> None:
        self._stop.set()
        if self._thread:
            self._thread.join(timeout=2)
        self._request.release()
        self._chip.close()

    def _pressed(self, offset: int) -> bool:
        from gpiod.line import Value

        return self._request.get_value(offset) == Value.INACTIVE

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                self._step()
            except Exception:  # a GPIO hiccup must not end button handling for good
                log.exception("reading the buttons failed; trying again in a second")
                self._stop.wait(1.0)

    def _step(self) -> None:
        deadline = self.detector.next_deadline()
        timeout = 0.5 if deadline is None else max(0.0, deadline - time.monotonic())
        events: list[tuple[str, str]] = []
        if self._request.wait_edge_events(timeout):
            self._request.read_edge_events()
            time.sleep(SETTLE_S)
            while self._request.wait_edge_events(0):
                self._request.read_edge_events()
            now = time.monotonic()
            for offset, name in self.lines.items():
                pressed = self._pressed(offset)
                if pressed != self._held[name]:
                    self._held[name] = pressed
                    events += self.detector.change(name, pressed, now)
        events += self.detector.tick(time.monotonic())
        for button, kind in events:
            self.on_press(button, kind)


class ButtonWorker:
    """Handles presses one after another on a thread of its own, so a slow panel refresh never blocks reading the buttons."""

    def __init__(self, handle):
        self._handle = handle
        self._queue: queue.Queue[tuple[str, str]] = queue.Queue()
        threading.Thread(target=self._run, name="button-presses", daemon=True).start()

    def submit(self, button: str, kind: str) -> None:
        self._queue.put((button, kind))

    def _run(self) -> None:
        while True:
            button, kind = self._queue.get()
            try:
                self._handle(button, kind)
            except Exception:
                log.exception("handling button %s (%s) failed", button, kind)
