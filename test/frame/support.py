"""Shared by the frame's Python tests: puts frame/ and the driver stand-ins on sys.path, and helpers."""
import http.server
import io
import os
import socket
import ssl
import sys
import tempfile
import threading
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
for path in (REPO / "frame", HERE / "standins"):
    if str(path) not in sys.path:
        sys.path.insert(0, str(path))

FIXTURES = HERE / "fixtures"


def temp_dir() -> Path:
    return Path(tempfile.mkdtemp(prefix="inkstand-frame-test-"))


def serve_on_loopback(handler: type[http.server.BaseHTTPRequestHandler], tls: ssl.SSLContext | None = None) -> tuple[http.server.ThreadingHTTPServer, str]:
    """`handler` served on 127.0.0.1 (a free port) from a daemon thread, over TLS when given a context; returns the server and its base URL."""
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    if tls is not None:
        httpd.socket = tls.wrap_socket(httpd.socket, server_side=True)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd, f"{'https' if tls else 'http'}://127.0.0.1:{httpd.server_address[1]}"


def unused_port() -> int:
    """A loopback TCP port nothing listens on (connections to it are refused)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def stop_server(httpd: http.server.ThreadingHTTPServer) -> None:
    httpd.shutdown()
    httpd.server_close()


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
