import json
import socket
import threading
import unittest

import support  # noqa: F401
from inkstand_frame.discovery import broadcast_addresses, discover_udp, parse_reply

FP = "sha256:" + "ab" * 32
REPLY = {"bootstrap": "https://192.168.1.10:8443/api/display/bootstrap", "bootstrap_http": "http://192.168.1.10:8000/api/display/bootstrap",
         "fingerprint": FP, "server": "inkstand", "version": "0.1.0", "name": "Living room"}


class ParseReplyTest(unittest.TestCase):
    def test_https_base_and_fingerprint(self):
        server = parse_reply(json.dumps(REPLY).encode(), insecure_http=False)
        self.assertEqual((server.base_url, server.fingerprint, server.name), ("https://192.168.1.10:8443", FP, "Living room"))

    def test_plain_http_when_asked(self):
        server = parse_reply(json.dumps(REPLY).encode(), insecure_http=True)
        self.assertEqual((server.base_url, server.fingerprint), ("http://192.168.1.10:8000", None))

    def test_anything_else_is_not_a_server(self):
        for data in [b"EINK_DISCOVER", b"\xff\xfe", b"[]", json.dumps({**REPLY, "server": "other"}).encode(),
                     json.dumps({**REPLY, "fingerprint": "md5:12"}).encode(), json.dumps({**REPLY, "bootstrap": "ftp://x/y"}).encode()]:
            self.assertIsNone(parse_reply(data, insecure_http=False), data)


class DiscoverUdpTest(unittest.TestCase):
    def test_asks_the_target_and_takes_the_first_answer_ignoring_noise(self):
        responder = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        responder.bind(("127.0.0.1", 0))
        port = responder.getsockname()[1]
        received = []

        def answer():
            data, sender = responder.recvfrom(100)
            received.append(data)
            responder.sendto(b"not json", sender)
            responder.sendto(json.dumps(REPLY).encode(), sender)

        thread = threading.Thread(target=answer)
        thread.start()
        server = discover_udp(port, "127.0.0.1", timeout_s=2)
        thread.join()
        responder.close()
        self.assertEqual(received, [b"EINK_DISCOVER"])
        self.assertEqual(server.base_url, "https://192.168.1.10:8443")

    def test_a_paired_frame_waits_for_its_own_server_among_several(self):
        other = {**REPLY, "fingerprint": "sha256:" + "99" * 32, "bootstrap": "https://192.168.1.20:8443/api/display/bootstrap"}
        responder = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        responder.bind(("127.0.0.1", 0))
        port = responder.getsockname()[1]

        def answer(times):
            for _ in range(times):
                _, sender = responder.recvfrom(100)
                responder.sendto(json.dumps(other).encode(), sender)
                responder.sendto(json.dumps(REPLY).encode(), sender)

        thread = threading.Thread(target=answer, args=(2,))
        thread.start()
        first = discover_udp(port, "127.0.0.1", timeout_s=2)
        preferred = discover_udp(port, "127.0.0.1", timeout_s=2, prefer=FP)
        thread.join()
        responder.close()
        self.assertEqual(first.base_url, "https://192.168.1.20:8443")
        self.assertEqual(preferred.base_url, "https://192.168.1.10:8443")

    def test_none_when_nobody_answers(self):
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as silent:
            silent.bind(("127.0.0.1", 0))
            self.assertIsNone(discover_udp(silent.getsockname()[1], "127.0.0.1", timeout_s=0.3))

    def test_broadcast_addresses_end_with_the_limited_broadcast(self):
        addresses = broadcast_addresses()
        self.assertEqual(addresses[-1], "255.255.255.255")
        self.assertNotIn("127.255.255.255", addresses)
        for address in addresses:
            socket.inet_aton(address)


if __name__ == "__main__":
    unittest.main()
