"""`command:CMD`: writes the picture to a file and runs CMD with its path as the last argument (like trmnl-display's show_img)."""
import logging
import os
import shlex
import subprocess
from pathlib import Path

from .base import Backend, Picture, ShowFailed
from ..atomic import write_atomically

log = logging.getLogger(__name__)

TIMEOUT_S = 300  # a colour e-ink refresh takes up to a minute; a command that hangs longer is stuck


class CommandBackend(Backend):
    def __init__(self, command: str, width: int, height: int, work_dir: str):
        self.argv = shlex.split(command)
        if not self.argv:
            raise ValueError("command: needs a command to run")
        self.width, self.height = width, height
        self.picture_path = Path(work_dir) / "current.png"

    def describe(self) -> str:
        return f"command backend {self.width}×{self.height}: {shlex.join(self.argv)} {self.picture_path}"

    def show(self, picture: Picture) -> None:
        try:
            self.picture_path.parent.mkdir(parents=True, exist_ok=True)
            write_atomically(self.picture_path, picture.png, 0o644)
        except OSError as err:
            raise ShowFailed(f"cannot write {self.picture_path}: {err}") from err
        # The command may want to know what it shows, e.g. to skip a slow full refresh for a message.
        env = {**os.environ, "INKSTAND_VERSION": picture.label, "INKSTAND_MODE": picture.mode}
        try:
            done = subprocess.run([*self.argv, str(self.picture_path)], capture_output=True, timeout=TIMEOUT_S, env=env, check=False)
        except FileNotFoundError as err:
            raise ShowFailed(f"command not found: {self.argv[0]}") from err
        except subprocess.TimeoutExpired as err:
            raise ShowFailed(f"{self.argv[0]} did not finish within {TIMEOUT_S} s") from err
        if done.stdout.strip():
            log.debug("%s: %s", self.argv[0], done.stdout.decode("utf-8", "replace").strip()[-500:])
        if done.returncode != 0:
            tail = done.stderr.decode("utf-8", "replace").strip()[-300:]
            raise ShowFailed(f"{self.argv[0]} exited with {done.returncode}{': ' + tail if tail else ''}")
