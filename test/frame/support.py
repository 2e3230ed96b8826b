"""Shared by the frame's Python tests: puts frame/ and the driver stand-ins on sys.path, and helpers."""
import io
import os
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
for path in (REPO / "frame", HERE / "standins"):
    if str(path) not in sys.path:
        sys.path.insert(0, str(path))

FIXTURES = HERE / "fixtures"


def temp_dir() -> Path:
    return Path(tempfile.mkdtemp(prefix="inkstand-frame-test-"))


def indexed_png(width: int, height: int, palette: list[tuple[int, int, int]], pixels: list[int] | None = None, bits: int | None = None) -> bytes:
    """An indexed PNG as the server writes it: `palette` in PLTE order, `pixels` the indices (default: stripes of every index)."""
    from PIL import Image

    image = Image.new("P", (width, height))
    image.putpalette([c for colour in palette for c in colour])
    image.putdata(pixels if pixels is not None else [(x * len(palette)) // width for _ in range(height) for x in range(width)])
    out = io.BytesIO()
    image.save(out, format="PNG", bits=bits or max(1, (len(palette) - 1).bit_length()))
    return out.getvalue()


def environ(**values):
    """Context manager setting environment variables for a test."""
    class _Env:
        def __enter__(self):
            self.saved = {k: os.environ.get(k) for k in values}
            os.environ.update({k: str(v) for k, v in values.items()})

        def __exit__(self, *exc):
            for k, v in self.saved.items():
                if v is None:
                    os.environ.pop(k, None)
                else:
                    os.environ[k] = v
    return _Env()
