"""Stand-in for `gpiod.line`: the enums of libgpiod 2's Python bindings."""
from enum import Enum


class Direction(Enum):
    AS_IS = 1
    INPUT = 2
    OUTPUT = 3


class Bias(Enum):
    AS_IS = 1
    UNKNOWN = 2
    DISABLED = 3
    PULL_UP = 4
    PULL_DOWN = 5


class Edge(Enum):
    NONE = 1
    RISING = 2
    FALLING = 3
    BOTH = 4


class Value(Enum):
    INACTIVE = 0
    ACTIVE = 1
