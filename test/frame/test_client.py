import hashlib
import http.server
import ssl
import unittest

import support
from inkstand_frame.client import CertificateMismatch, DeviceClient, Unreachable
from inkstand_frame.server_info import ServerInfo

CERT = support.FIXTURES / "test-cert.pem"
KEY = support.FIXTURES / "test-key.pem"
RIGHT = "sha256:" + hashlib.sha256(ssl.PEM_cert_to_DER_cert(CERT.read_text())).hexdigest()
WRONG = "sha256:" + "0" * 64


class Recorder(http.server.BaseHTTPRequestHandler):
    seen: list[tuple[str, str, str | None]] = []

    def do_GET(self):
        Recorder.seen.append(("GET", self.path, self.headers.get("Authorization")))
        body = b'{"ok": true}'
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


class PinnedClientTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(CERT, KEY)
        cls.httpd, cls.url = support.serve_on_loopback(Recorder, context)

    @classmethod
    def tearDownClass(cls):
        support.stop_server(cls.httpd)

    def setUp(self):
        Recorder.seen.clear()

    def test_talks_to_the_server_whose_certificate_matches_the_pin(self):
        answer = DeviceClient(ServerInfo(self.url, RIGHT)).request("GET", "/api/display/state", headers={"Authorization": "Token secret"})
        self.assertEqual((answer.status, answer.json()), (200, {"ok": True}))
        self.assertEqual(Recorder.seen, [("GET", "/api/display/state", "Token secret")])

    def test_refuses_a_mismatching_certificate_before_sending_anything(self):
        with self.assertRaises(CertificateMismatch) as caught:
            DeviceClient(ServerInfo(self.url, WRONG)).request("GET", "/api/display/state", headers={"Authorization": "Token secret"})
        self.assertEqual(caught.exception.got, RIGHT)
        self.assertEqual(Recorder.seen, [])

    def test_pins_on_first_use_when_no_fingerprint_is_known(self):
        pinned = []
        DeviceClient(ServerInfo(self.url, None), on_first_certificate=pinned.append).request("GET", "/")
        self.assertEqual(pinned, [RIGHT])

    def test_a_closed_port_is_unreachable_with_a_readable_reason(self):
        with self.assertRaisesRegex(Unreachable, "refused the connection"):
            DeviceClient(ServerInfo("http://127.0.0.1:1", None)).request("GET", "/", timeout_s=2)

    def test_only_the_path_of_a_handed_out_url_is_used(self):
        client = DeviceClient(ServerInfo(self.url, RIGHT))
        self.assertEqual(client.path_of("https://elsewhere.example:9999/api/display/image?version=abc"), "/api/display/image?version=abc")


if __name__ == "__main__":
    unittest.main()
