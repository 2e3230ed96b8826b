"""`python3 -m inkstand_frame` / `inkstand-frame`: wires the pieces and runs the frame."""
import logging
import signal
import sys

from . import VERSION
from .backends import create_backend
from .backoff import Sleeper
from .cli import build_parser
from .frame import Frame, FrameOptions
from .hardware import Host
from .locate import LocateOptions, ServerLocator
from .logs import setup_logging
from .server_info import base_of, normalise_fingerprint
from .store import StateStore

log = logging.getLogger("inkstand_frame")


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    setup_logging(args.log_level)
    for server in args.server:
        try:
            base_of(server)
        except ValueError:
            parser.error(f"--server takes an http:// or https:// URL, not {server!r}")
    fingerprint = None
    if args.fingerprint:
        if not args.server or not all(server.startswith("https://") for server in args.server):
            parser.error("--fingerprint pins an https --server; give one (e.g. --server https://192.168.1.10:8443)")
        try:
            fingerprint = normalise_fingerprint(args.fingerprint)
        except ValueError as err:
            parser.error(str(err))

    try:
        hardware_id = args.hardware_id or Host().hardware_id()
        backend = create_backend(args.backend, args.width, args.height, args.state_dir)
    except (RuntimeError, ValueError) as err:
        log.error("cannot start: %s", err)
        return 2
    log.info("inkstand-frame %s on %s, hardware id %s", VERSION, backend.describe(), hardware_id)

    sleeper = Sleeper()

    def stop(signum, _frame):
        sleeper.stop()
        raise SystemExit(0)

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)

    locator = ServerLocator(LocateOptions(tuple(args.server), args.discovery_port, args.discovery_target, args.insecure_http, fingerprint))
    frame = Frame(FrameOptions(hardware_id, args.once), StateStore(args.state_dir), backend, locator, Host(), sleeper)
    buttons = None if args.once else _start_buttons(backend, frame)
    try:
        return frame.run()
    finally:
        if buttons:
            buttons.stop()


def _start_buttons(backend, frame: Frame):
    if not backend.button_lines:
        return None
    from .buttons import ButtonWorker, GpioButtons

    worker = ButtonWorker(frame.press)
    try:
        buttons = GpioButtons(backend.button_lines, worker.submit)
        buttons.start()
    except (ImportError, OSError, RuntimeError) as err:
        log.warning("buttons disabled: %s", err)
        return None
    return buttons


if __name__ == "__main__":
    sys.exit(main())
