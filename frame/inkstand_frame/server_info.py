"""Where the server is and how to trust it, whichever way it was found."""
from dataclasses import dataclass
from urllib.parse import urlsplit


@dataclass(frozen=True)
class ServerInfo:
    """`base_url` is scheme://host:port; `fingerprint` (sha256:<hex>) pins an https server's certificate."""

    base_url: str
    fingerprint: str | None = None
    name: str | None = None
    source: str = "configured"

    @property
    def secure(self) -> bool:
        return self.base_url.startswith("https://")


def base_of(url: str) -> str:
    """scheme://host:port of an absolute URL; ValueError if it is not http(s)."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ValueError(f"not an http(s) URL: {url!r}")
    return f"{parts.scheme}://{parts.netloc}"


def normalise_fingerprint(value: str) -> str:
    """`sha256:` plus lower-case hex without separators; ValueError for anything else."""
    text = value.strip().lower()
    if text.startswith("sha256:"):
        text = text[len("sha256:"):]
    text = text.replace(":", "")
    if len(text) != 64 or any(c not in "0123456789abcdef" for c in text):
        raise ValueError(f"not a SHA-256 fingerprint: {value!r}")
    return "sha256:" + text
