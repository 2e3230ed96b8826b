"""`file:DIR`: the shown picture is DIR/current.png, and DIR/shown.log has one line per panel refresh."""
import time
from pathlib import Path

from ..atomic import write_atomically
from .base import Backend, Picture, ShowFailed

CURRENT = "current.png"
SHOWN_LOG = "shown.log"


class FileBackend(Backend):
    def __init__(self, directory: str, width: int, height: int):
        self.directory = Path(directory)
        self.width, self.height = width, height

    def describe(self) -> str:
        return f"file backend {self.width}×{self.height} in {self.directory}"

    def show(self, picture: Picture) -> None:
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
            write_atomically(self.directory / CURRENT, picture.png, 0o644)
            stamp = time.strftime("%Y-%m-%dT%H:%M:%S%z")
            with open(self.directory / SHOWN_LOG, "a", encoding="utf-8") as log:
                log.write(f"{stamp} {picture.label} {picture.mode} {len(picture.png)}\n")
        except OSError as err:
            raise ShowFailed(f"cannot write to {self.directory}: {err}") from err
