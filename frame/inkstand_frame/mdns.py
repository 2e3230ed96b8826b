"""A minimal mDNS client (RFC 6762/6763) for `_inkstand._tcp.local`: one PTR query, the answers read.

The standard library has no mDNS; this is the few dozen lines a frame needs, nothing more. The
Inkstand server answers by multicast, so the query is sent from port 5353 joined to the mDNS group
(sharing the port with avahi, as RFC 6762 intends); where that port cannot be had, it asks from an
ephemeral port, which RFC-conforming responders answer by unicast.
"""
import logging
import socket
import struct
import time

from .server_info import ServerInfo, normalise_fingerprint

log = logging.getLogger(__name__)

SERVICE = "_inkstand._tcp.local"
MDNS_GROUP = "224.0.0.251"
MDNS_PORT = 5353
TYPE_A, TYPE_PTR, TYPE_TXT, TYPE_SRV = 1, 12, 16, 33
CLASS_IN = 1
UNICAST_RESPONSE = 0x8000


def encode_name(name: str) -> bytes:
    out = b""
    for label in name.rstrip(".").split("."):
        raw = label.encode("utf-8")
        if not 0 < len(raw) < 64:
            raise ValueError(f"bad DNS label in {name!r}")
        out += bytes([len(raw)]) + raw
    return out + b"\0"


def build_query(name: str = SERVICE, qtype: int = TYPE_PTR) -> bytes:
    header = struct.pack("!HHHHHH", 0, 0, 1, 0, 0, 0)
    return header + encode_name(name) + struct.pack("!HH", qtype, CLASS_IN | UNICAST_RESPONSE)


def read_name(packet: bytes, offset: int) -> tuple[str, int]:
    """A possibly compressed name at `offset`; returns it and the offset after it."""
    labels: list[str] = []
    end = None
    jumps = 0
    while True:
        length = packet[offset]
        if length & 0xC0 == 0xC0:
            if jumps > 20:
                raise ValueError("DNS name compression loop")
            jumps += 1
            if end is None:
                end = offset + 2
            offset = ((length & 0x3F) << 8) | packet[offset + 1]
            continue
        offset += 1
        if length == 0:
            break
        labels.append(packet[offset:offset + length].decode("utf-8", errors="replace"))
        offset += length
    return ".".join(labels), end if end is not None else offset


def parse_records(packet: bytes) -> list[tuple[str, int, object]]:
    """(name, type, data) of every answer, authority and additional record; ValueError if malformed."""
    try:
        _, flags, qdcount, ancount, nscount, arcount = struct.unpack_from("!HHHHHH", packet, 0)
        offset = 12
        for _ in range(qdcount):
            _, offset = read_name(packet, offset)
            offset += 4
        records = []
        for _ in range(ancount + nscount + arcount):
            name, offset = read_name(packet, offset)
            rtype, _, _, length = struct.unpack_from("!HHIH", packet, offset)
            offset += 10
            rdata = packet[offset:offset + length]
            if len(rdata) != length:
                raise ValueError("truncated record")
            records.append((name.lower(), rtype, _record_data(packet, offset, rtype, rdata)))
            offset += length
        return records
    except (IndexError, struct.error) as err:
        raise ValueError(f"malformed DNS packet: {err}") from err


def _record_data(packet: bytes, offset: int, rtype: int, rdata: bytes) -> object:
    if rtype == TYPE_A and len(rdata) == 4:
        return socket.inet_ntoa(rdata)
    if rtype == TYPE_PTR:
        return read_name(packet, offset)[0].lower()
    if rtype == TYPE_SRV:
        _, _, port = struct.unpack_from("!HHH", rdata, 0)
        return port, read_name(packet, offset + 6)[0].lower()
    if rtype == TYPE_TXT:
        entries, i = {}, 0
        while i < len(rdata):
            size = rdata[i]
            key, _, value = rdata[i + 1:i + 1 + size].decode("utf-8", errors="replace").partition("=")
            entries[key.lower()] = value
            i += 1 + size
        return entries
    return rdata


def server_from_records(records: list[tuple[str, int, object]], insecure_http: bool) -> ServerInfo | None:
    """Follows PTR → SRV/TXT → A for the first Inkstand instance the records describe completely."""
    by_type: dict[int, dict[str, object]] = {}
    for name, rtype, data in records:
        by_type.setdefault(rtype, {}).setdefault(name, data)
    instances = [data for name, rtype, data in records if rtype == TYPE_PTR and name == SERVICE.lower()]
    for instance in instances:
        srv = by_type.get(TYPE_SRV, {}).get(instance)
        txt = by_type.get(TYPE_TXT, {}).get(instance)
        if not isinstance(srv, tuple) or not isinstance(txt, dict):
            continue
        https_port, target = srv
        address = by_type.get(TYPE_A, {}).get(target)
        if not isinstance(address, str):
            continue
        name = instance[: -len(SERVICE) - 1] if instance.endswith("." + SERVICE.lower()) else instance
        try:
            if insecure_http:
                return ServerInfo(f"http://{address}:{int(txt['http'])}", None, name, "mdns")
            return ServerInfo(f"https://{address}:{https_port}", normalise_fingerprint(txt["fp"]), name, "mdns")
        except (KeyError, ValueError):
            continue
    return None


def _open_socket(port: int, interface: str) -> socket.socket:
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM, socket.IPPROTO_UDP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    if hasattr(socket, "SO_REUSEPORT"):
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
    try:
        sock.bind(("0.0.0.0", port))
        membership = socket.inet_aton(MDNS_GROUP) + socket.inet_aton(interface)
        sock.setsockopt(socket.IPPROTO_IP, socket.IP_ADD_MEMBERSHIP, membership)
    except OSError as err:
        log.debug("mDNS: cannot listen on port %d (%s); asking for a unicast answer instead", port, err)
        sock.close()
        sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM, socket.IPPROTO_UDP)
        sock.bind(("0.0.0.0", 0))
    sock.setsockopt(socket.IPPROTO_IP, socket.IP_MULTICAST_IF, socket.inet_aton(interface))
    sock.setsockopt(socket.IPPROTO_IP, socket.IP_MULTICAST_TTL, 255)
    sock.setsockopt(socket.IPPROTO_IP, socket.IP_MULTICAST_LOOP, 1)
    return sock


def discover_mdns(timeout_s: float = 3.0, insecure_http: bool = False, port: int = MDNS_PORT, interface: str = "0.0.0.0") -> ServerInfo | None:
    """Asks for `_inkstand._tcp.local` and returns the first server whose records arrive complete."""
    try:
        sock = _open_socket(port, interface)
    except OSError as err:
        log.debug("mDNS unavailable: %s", err)
        return None
    records: list[tuple[str, int, object]] = []
    with sock:
        query = build_query()
        deadline = time.monotonic() + timeout_s
        next_query = 0.0
        while (remaining := deadline - time.monotonic()) > 0:
            if time.monotonic() >= next_query:
                try:
                    sock.sendto(query, (MDNS_GROUP, port))
                except OSError as err:
                    log.debug("mDNS query failed: %s", err)
                    return None
                next_query = time.monotonic() + 1.0
            sock.settimeout(min(remaining, max(0.05, next_query - time.monotonic())))
            try:
                packet, _ = sock.recvfrom(9000)
            except socket.timeout:
                continue
            except OSError as err:
                log.debug("mDNS receive failed: %s", err)
                return None
            if len(packet) < 12 or not packet[2] & 0x80:
                continue  # a query (ours or another host's), not a response
            try:
                records.extend(parse_records(packet))
            except ValueError as err:
                log.debug("mDNS: ignoring a malformed response: %s", err)
                continue
            server = server_from_records(records, insecure_http)
            if server:
                return server
    return None
