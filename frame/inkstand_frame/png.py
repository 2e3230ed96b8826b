"""Checks a PNG's header before it goes near the panel: size and colour type, read in the standard library."""
import struct
from dataclasses import dataclass

SIGNATURE = b"\x89PNG\r\n\x1a\n"
COLOUR_TYPE_GREY, COLOUR_TYPE_INDEXED = 0, 3


class BadImage(ValueError):
    pass


@dataclass(frozen=True)
class PngHeader:
    width: int
    height: int
    bit_depth: int
    colour_type: int


def read_header(data: bytes) -> PngHeader:
    if data[:8] != SIGNATURE or data[12:16] != b"IHDR" or len(data) < 33:
        raise BadImage("not a PNG")
    width, height, bit_depth, colour_type = struct.unpack(">IIBB", data[16:26])
    return PngHeader(width, height, bit_depth, colour_type)


def check_panel_image(data: bytes, width: int, height: int) -> PngHeader:
    """The server's device image must be an indexed (or grey) PNG at the panel's native size."""
    header = read_header(data)
    if (header.width, header.height) != (width, height):
        raise BadImage(f"the picture is {header.width}×{header.height} but the panel is {width}×{height}: check the display's panel profile in Inkstand")
    if header.colour_type not in (COLOUR_TYPE_INDEXED, COLOUR_TYPE_GREY):
        raise BadImage(f"the picture is not indexed (PNG colour type {header.colour_type}); the frame never re-dithers")
    return header
