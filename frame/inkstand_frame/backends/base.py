"""What every backend offers the main loop."""
from dataclasses import dataclass


class ShowFailed(Exception):
    """The panel (or the user's command) could not show the picture; the frame tries again later."""


@dataclass(frozen=True)
class Picture:
    """A device-ready PNG from the server, with what it is (`label`: the version, or `pairing-<code>`)."""

    png: bytes
    label: str
    mode: str


class Backend:
    width: int
    height: int
    #: The Inkstand panel profile id to bootstrap with, or None to let the server pick one by size.
    panel: str | None = None
    #: BCM GPIO lines of buttons A–D, or None when the panel has no buttons.
    button_lines: tuple[int, int, int, int] | None = None

    def show(self, picture: Picture) -> None:
        raise NotImplementedError

    def describe(self) -> str:
        return f"{type(self).__name__} {self.width}×{self.height}"
