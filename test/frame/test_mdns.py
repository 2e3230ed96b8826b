import random
import socket
import struct
import threading
import unittest

import support  # noqa: F401
from inkstand_frame import mdns

FP = "sha256:" + "cd" * 32


def record(name: bytes, rtype: int, rdata: bytes) -> bytes:
    return name + struct.pack("!HHIH", rtype, 0x8001, 120, len(rdata)) + rdata


def txt(*entries: str) -> bytes:
    return b"".join(bytes([len(e)]) + e.encode() for e in entries)


def inkstand_response(address: str = "127.0.0.1", https_port: int = 8443, http_port: int = 8000) -> bytes:
    """A response as multicast-dns writes it, with name compression pointing back into the packet."""
    header = struct.pack("!HHHHHH", 0, 0x8400, 0, 4, 0, 0)
    service = mdns.encode_name(mdns.SERVICE)  # at offset 12
    instance = b"\x0bLiving room\xc0\x0c"  # "Living room" + pointer to the service name
    ptr = record(service, mdns.TYPE_PTR, instance)
    instance_at = 12 + len(service) + 10  # where the PTR's rdata (the instance name) starts
    pointer = struct.pack("!H", 0xC000 | instance_at)
    host = mdns.encode_name("frame-host.local")
    srv = record(pointer, mdns.TYPE_SRV, struct.pack("!HHH", 0, 0, https_port) + host)
    txt_record = record(pointer, mdns.TYPE_TXT, txt("bootstrap=/api/display/bootstrap", f"fp={FP}", f"http={http_port}"))
    a = record(host, mdns.TYPE_A, socket.inet_aton(address))
    return header + ptr + srv + txt_record + a


class PacketTest(unittest.TestCase):
    def test_query_asks_for_the_ptr_with_the_unicast_bit(self):
        query = mdns.build_query()
        self.assertEqual(query[:12], struct.pack("!HHHHHH", 0, 0, 1, 0, 0, 0))
        self.assertEqual(query[12:], mdns.encode_name("_inkstand._tcp.local") + struct.pack("!HH", 12, 0x8001))

    def test_follows_ptr_srv_txt_and_a_through_compressed_names(self):
        records = mdns.parse_records(inkstand_response("192.168.1.10", 8443, 8000))
        server = mdns.server_from_records(records, insecure_http=False)
        self.assertEqual((server.base_url, server.fingerprint, server.name, server.source), ("https://192.168.1.10:8443", FP, "living room", "mdns"))
        self.assertEqual(mdns.server_from_records(records, insecure_http=True).base_url, "http://192.168.1.10:8000")

    def test_incomplete_answers_give_no_server(self):
        records = [r for r in mdns.parse_records(inkstand_response()) if r[1] != mdns.TYPE_A]
        self.assertIsNone(mdns.server_from_records(records, insecure_http=False))

    def test_malformed_packets_raise_value_error(self):
        packet = inkstand_response()
        for broken in [packet[:40], packet[:12] + b"\xc0\x0c", struct.pack("!HHHHHH", 0, 0x8400, 0, 1, 0, 0) + b"\xc0\x0c"]:
            with self.assertRaises(ValueError):
                mdns.parse_records(broken)


class LoopbackTest(unittest.TestCase):
    def test_a_multicast_responder_on_loopback_is_found(self):
        port = random.randint(40000, 60000)
        responder = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        responder.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        responder.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
        responder.bind(("0.0.0.0", port))
        responder.setsockopt(socket.IPPROTO_IP, socket.IP_ADD_MEMBERSHIP, socket.inet_aton(mdns.MDNS_GROUP) + socket.inet_aton("127.0.0.1"))
        responder.setsockopt(socket.IPPROTO_IP, socket.IP_MULTICAST_IF, socket.inet_aton("127.0.0.1"))
        responder.settimeout(3)

        def answer():
            while True:
                try:
                    packet, _ = responder.recvfrom(9000)
                except OSError:
                    return
                if not packet[2] & 0x80:  # a query: answer the group, as multicast-dns does
                    responder.sendto(inkstand_response(https_port=9443), (mdns.MDNS_GROUP, port))
                    return

        thread = threading.Thread(target=answer)
        thread.start()
        server = mdns.discover_mdns(timeout_s=3, port=port, interface="127.0.0.1")
        thread.join()
        responder.close()
        self.assertIsNotNone(server)
        self.assertEqual(server.base_url, "https://127.0.0.1:9443")


if __name__ == "__main__":
    unittest.main()
