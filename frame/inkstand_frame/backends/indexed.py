"""Opens the server's indexed PNG as a Pillow P-mode image: its pixels are the palette indices as sent.

Pillow is what the panel vendors' Python drivers take images in (and depend on), so it is used only
by the backends that drive those panels.
"""
import io

from .base import ShowFailed


def open_indexed(png: bytes):
    from PIL import Image

    try:
        image = Image.open(io.BytesIO(png))
        image.load()
    except (OSError, ValueError) as err:
        raise ShowFailed(f"the picture does not decode: {err}") from err
    if image.mode != "P":
        raise ShowFailed(f"the picture is {image.mode}, not indexed: set the display's panel profile to this panel's in Inkstand")
    return image


def palette_size(image) -> int:
    """How many colours the PNG's palette (PLTE) holds."""
    palette = image.getpalette() or []
    return len(palette) // 3


def with_palette(image, colours: list[list[int]]):
    """The same indices under another palette: pixel values do not change, only what they are called."""
    copy = image.copy()
    copy.putpalette([channel for colour in colours for channel in colour])
    return copy
