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


def colours_used(image) -> int:
    """How many palette entries the pixels need (highest index + 1); the PLTE may be padded beyond that."""
    return image.getextrema()[1] + 1


def distinct_prefix(palette: list[list[int]]) -> list[list[int]]:
    """A driver's palette up to its first repeat: Pimoroni's lists end with an extra white ("clean")."""
    out: list[list[int]] = []
    for colour in palette:
        if list(colour) in out:
            break
        out.append(list(colour))
    return out


def with_palette(image, colours: list[list[int]]):
    """The same indices under another palette: pixel values do not change, only what they are called."""
    copy = image.copy()
    copy.putpalette([channel for colour in colours for channel in colour])
    return copy
