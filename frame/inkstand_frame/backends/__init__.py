"""Panel backends: where a picture goes once the frame decided to show it."""
from .base import Backend, ShowFailed


def create_backend(spec: str, width: int, height: int, work_dir: str) -> Backend:
    """`inky`, `waveshare[:MODULE]`, `file:DIR` or `command:CMD` (DESIGN.md §11); drivers are imported only here, on use."""
    kind, _, argument = spec.partition(":")
    if kind == "inky" and not argument:
        from .inky import InkyBackend
        return InkyBackend()
    if kind == "waveshare":
        from .waveshare import WaveshareBackend
        return WaveshareBackend(argument or "epd7in5_V2")
    if kind == "file" and argument:
        from .file import FileBackend
        return FileBackend(argument, width, height)
    if kind == "command" and argument:
        from .command import CommandBackend
        return CommandBackend(argument, width, height, work_dir)
    raise ValueError(f"unknown backend {spec!r}: use inky, waveshare, waveshare:MODULE, file:DIR or command:CMD")


__all__ = ["Backend", "ShowFailed", "create_backend"]
