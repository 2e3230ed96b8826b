"""Finds the Inkstand server: `EINK_DISCOVER` by UDP broadcast on every IPv4 interface (DESIGN.md §3)."""
import fcntl
import json
import logging
import socket
import struct
import time

from .server_info import ServerInfo, base_of, normalise_fingerprint

log = logging.getLogger(__name__)

DISCOVERY_PORT = 51234
REQUEST = b"EINK_DISCOVER"

# Linux ioctls (linux/sockios.h) and interface flags (net/if.h).
_SIOCGIFFLAGS = 0x8913
_SIOCGIFBRDADDR = 0x8919
_IFF_UP = 0x1
_IFF_BROADCAST = 0x2
_IFF_LOOPBACK = 0x8


def broadcast_addresses() -> list[str]:
    """The broadcast address of every IPv4 interface that is up, plus 255.255.255.255 as a last resort."""
    found: list[str] = []
    probe = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    try:
        for _, name in socket.if_nameindex():
            request = struct.pack("256s", name.encode()[:15])
            try:
                flags = struct.unpack("H", fcntl.ioctl(probe.fileno(), _SIOCGIFFLAGS, request)[16:18])[0]
                if flags & _IFF_LOOPBACK or not flags & _IFF_UP or not flags & _IFF_BROADCAST:
                    continue
                address = socket.inet_ntoa(fcntl.ioctl(probe.fileno(), _SIOCGIFBRDADDR, request)[20:24])
            except OSError:
                continue  # no IPv4 address on this interface
            if address not in found and address != "0.0.0.0":
                found.append(address)
    finally:
        probe.close()
    return found + ["255.255.255.255"]


def parse_reply(data: bytes, insecure_http: bool) -> ServerInfo | None:
    """The server to use from one discovery reply, or None when the datagram is not one."""
    try:
        reply = json.loads(data.decode("utf-8"))
        if not isinstance(reply, dict) or reply.get("server") != "inkstand":
            return None
        name = str(reply.get("name") or "Inkstand")
        if insecure_http:
            return ServerInfo(base_of(reply["bootstrap_http"]), None, name, "udp")
        return ServerInfo(base_of(reply["bootstrap"]), normalise_fingerprint(reply["fingerprint"]), name, "udp")
    except (KeyError, TypeError, ValueError, UnicodeDecodeError):
        return None


def discover_udp(port: int = DISCOVERY_PORT, target: str | None = None, timeout_s: float = 2.0, insecure_http: bool = False, prefer: str | None = None) -> ServerInfo | None:
    """Sends EINK_DISCOVER to `target` (default: every interface's broadcast address) and returns the first answer.

    With `prefer` (the fingerprint of the server this frame paired with) it listens on until that
    server answers, so a second Inkstand in the house does not win by answering first.
    """
    targets = [target] if target else broadcast_addresses()
    first: ServerInfo | None = None
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_BROADCAST, 1)
        sock.bind(("0.0.0.0", 0))
        for address in targets:
            try:
                sock.sendto(REQUEST, (address, port))
            except OSError as err:
                log.debug("discovery to %s:%d failed: %s", address, port, err)
        deadline = time.monotonic() + timeout_s
        while (remaining := deadline - time.monotonic()) > 0:
            sock.settimeout(remaining)
            try:
                data, sender = sock.recvfrom(4096)
            except OSError:  # includes the timeout
                break
            server = parse_reply(data, insecure_http)
            if server:
                log.debug("discovery answer from %s: %s", sender[0], server.base_url)
                if prefer is None or server.fingerprint == prefer:
                    return server
                first = first or server
    return first
