"""The frame's memory across restarts: server, token and the version on the panel, in one small file.

Written atomically (temp file, fsync, rename, fsync of the folder), so a power cut at any moment
leaves either the old file or the new one, never half of one. Mode 0600: it holds the token.
"""
import json
import logging
import os
from dataclasses import asdict, dataclass, fields
from pathlib import Path

from .atomic import write_atomically

log = logging.getLogger(__name__)

STATE_FILE = "state.json"


@dataclass(frozen=True)
class DeviceState:
    """What the frame remembers; every field is optional until it is known."""

    server_url: str | None = None
    fingerprint: str | None = None
    token: str | None = None
    human_id: str | None = None
    shown_version: str | None = None


class StateStore:
    def __init__(self, directory: str | os.PathLike):
        self.directory = Path(directory)
        self.path = self.directory / STATE_FILE

    def load(self) -> DeviceState:
        try:
            raw = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return DeviceState()
        except (OSError, ValueError) as err:
            log.warning("state file %s is unreadable (%s): starting fresh", self.path, err)
            return DeviceState()
        if not isinstance(raw, dict):
            log.warning("state file %s is not a JSON object: starting fresh", self.path)
            return DeviceState()
        known = {f.name for f in fields(DeviceState)}
        return DeviceState(**{k: v for k, v in raw.items() if k in known and (v is None or isinstance(v, str))})

    def save(self, state: DeviceState) -> None:
        self.directory.mkdir(parents=True, exist_ok=True, mode=0o700)
        data = json.dumps(asdict(state), indent=2).encode("utf-8")
        write_atomically(self.path, data, 0o600)
