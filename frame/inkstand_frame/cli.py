"""The command line (DESIGN.md §11)."""
import argparse

from . import VERSION
from .discovery import DISCOVERY_PORT

DEFAULT_STATE_DIR = "/var/lib/inkstand-frame"


def positive_int(text: str) -> int:
    value = int(text)
    if value <= 0:
        raise argparse.ArgumentTypeError(f"must be a positive whole number, not {text}")
    return value


def port(text: str) -> int:
    value = int(text)
    if not 0 < value < 65536:
        raise argparse.ArgumentTypeError(f"must be a port from 1 to 65535, not {text}")
    return value


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="inkstand-frame",
        description="Shows what an Inkstand server tells it on an e-ink panel: finds the server, pairs, then follows the display's state.",
    )
    parser.add_argument("--server", metavar="URL", action="append", default=[],
                        help="the server's base URL (e.g. https://192.168.1.10:8443); skips discovery. Give it once per node of a "
                             "cluster to move to the next when one stops answering; with one, the frame looks for another node by discovery")
    parser.add_argument("--fingerprint", metavar="SHA256", help="pin the --server's certificate to this fingerprint (sha256:<hex>) from the first request, as the server's own installer does")
    parser.add_argument("--discovery-port", type=port, default=DISCOVERY_PORT, metavar="N", help=f"UDP discovery port (default {DISCOVERY_PORT})")
    parser.add_argument("--discovery-target", metavar="ADDR", help="ask this address instead of broadcasting on every IPv4 interface")
    parser.add_argument("--backend", default="inky", metavar="BACKEND", help="inky, waveshare (the 7.5\" V2), waveshare:MODULE[:4grey|:yellow] for another Waveshare panel, file:DIR or command:CMD (default inky)")
    parser.add_argument("--width", type=positive_int, default=800, metavar="W", help="panel width for the file and command backends (default 800)")
    parser.add_argument("--height", type=positive_int, default=480, metavar="H", help="panel height for the file and command backends (default 480)")
    parser.add_argument("--hardware-id", metavar="ID", help="this frame's identity (default: the Pi's serial number, else its MAC)")
    parser.add_argument("--state-dir", default=DEFAULT_STATE_DIR, metavar="DIR", help=f"where the token and last version are kept (default {DEFAULT_STATE_DIR})")
    parser.add_argument("--once", action="store_true", help="one cycle (find, pair or poll, show), then exit")
    parser.add_argument("--insecure-http", action="store_true", help="talk plain HTTP to a discovered server instead of pinned HTTPS")
    parser.add_argument("--log-level", default="info", choices=["debug", "info", "warning", "error"], type=str.lower, help="default info")
    parser.add_argument("--version", action="version", version=f"inkstand-frame {VERSION}")
    return parser
