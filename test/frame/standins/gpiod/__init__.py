"""Stand-in for libgpiod 2's Python bindings (`gpiod`): one chip whose input lines are driven by the tests.

Lines are pulled up (ACTIVE) until a test presses them: `standin_push(offset, pressed=True)` pulls
the line low with a falling edge, `pressed=False` releases it with a rising edge. Another process
can do the same by appending `OFFSET down` / `OFFSET up` lines to the file named by
GPIOD_STANDIN_EVENTS.
"""
import os
import threading
import time
from dataclasses import dataclass, field
from enum import Enum

from .line import Bias, Direction, Edge, Value

__version__ = "2.2.0"

_levels: dict[int, Value] = {}
_pending: list["EdgeEvent"] = []
_changed = threading.Condition()
_file_offset = 0
standin_requests: list[dict] = []


def standin_push(offset: int, pressed: bool) -> None:
    with _changed:
        _levels[offset] = Value.INACTIVE if pressed else Value.ACTIVE
        kind = EdgeEvent.Type.FALLING_EDGE if pressed else EdgeEvent.Type.RISING_EDGE
        _pending.append(EdgeEvent(kind, time.monotonic_ns(), offset, 0, 0))
        _changed.notify_all()


def standin_reset() -> None:
    with _changed:
        _levels.clear()
        _pending.clear()
        standin_requests.clear()


def _read_event_file() -> None:
    global _file_offset
    path = os.environ.get("GPIOD_STANDIN_EVENTS")
    if not path or not os.path.exists(path):
        return
    with open(path, encoding="utf-8") as source:
        source.seek(_file_offset)
        text = source.read()
    complete = text[: text.rfind("\n") + 1]
    _file_offset += len(complete.encode("utf-8"))
    for line in complete.splitlines():
        offset, state = line.split()
        standin_push(int(offset), state == "down")


@dataclass
class LineSettings:
    direction: Direction = Direction.AS_IS
    edge_detection: Edge = Edge.NONE
    bias: Bias = Bias.AS_IS
    active_low: bool = False
    debounce_period: object = None
    output_value: Value = Value.INACTIVE


@dataclass
class EdgeEvent:
    class Type(Enum):
        RISING_EDGE = 1
        FALLING_EDGE = 2

    event_type: "EdgeEvent.Type"
    timestamp_ns: int
    line_offset: int
    global_seqno: int
    line_seqno: int


@dataclass
class ChipInfo:
    name: str
    label: str
    num_lines: int


@dataclass
class LineRequest:
    offsets: list[int]
    released: bool = field(default=False)

    def wait_edge_events(self, timeout=None) -> bool:
        seconds = timeout.total_seconds() if hasattr(timeout, "total_seconds") else timeout
        deadline = None if seconds is None else time.monotonic() + seconds
        with _changed:
            while True:
                _read_event_file()
                if any(e.line_offset in self.offsets for e in _pending):
                    return True
                remaining = None if deadline is None else deadline - time.monotonic()
                if remaining is not None and remaining <= 0:
                    return False
                _changed.wait(0.02 if remaining is None else min(remaining, 0.02))

    def read_edge_events(self, max_events=None) -> list[EdgeEvent]:
        with _changed:
            mine = [e for e in _pending if e.line_offset in self.offsets]
            _pending[:] = [e for e in _pending if e.line_offset not in self.offsets]
            return mine

    def get_value(self, offset: int) -> Value:
        if offset not in self.offsets:
            raise ValueError(f"line {offset} was not requested")
        return _levels.get(offset, Value.ACTIVE)

    def release(self) -> None:
        self.released = True


class Chip:
    def __init__(self, path: str):
        self.path = path

    def get_info(self) -> ChipInfo:
        return ChipInfo("gpiochip0", "pinctrl-bcm2835", 54)

    def request_lines(self, config, consumer=None, output_values=None) -> LineRequest:
        offsets = []
        for key, settings in config.items():
            keys = key if isinstance(key, tuple) else (key,)
            offsets += list(keys)
            standin_requests.append({"offsets": list(keys), "consumer": consumer, "settings": settings})
        return LineRequest(offsets)

    def close(self) -> None:
        pass

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
