"""The device protocol's golden samples (test/fixtures/device-protocol/, typed in contract/device.ts), read by the frame's own code."""
import json
import unittest

import support
from inkstand_frame.client import Response
from inkstand_frame.pairing import Approved, Pending, bootstrap

SAMPLES = support.REPO / "test" / "fixtures" / "device-protocol"


def sample(name: str) -> dict:
    return json.loads((SAMPLES / f"{name}.json").read_text())


def answer(status: int, body: dict) -> Response:
    return Response(status, {"content-type": "application/json"}, json.dumps(body).encode())


class RecordingClient:
    """Answers one request with `reply` and keeps what the frame sent."""

    def __init__(self, reply: Response):
        self.reply = reply
        self.sent: list[tuple[str, str, object]] = []

    def request(self, method, path, headers=None, body=None, timeout_s=30.0):
        self.sent.append((method, path, body))
        return self.reply

    def path_of(self, url: str) -> str:
        return "/" + url.split("/", 3)[3]


class ProtocolSampleTest(unittest.TestCase):
    def test_the_bootstrap_request_the_frame_sends_has_the_samples_fields(self):
        request = sample("bootstrap-request")
        client = RecordingClient(answer(202, sample("bootstrap-pending")))
        bootstrap(client, request["hardware_id"], request["horizontal_pixels"], request["vertical_pixels"], request["panel"], request["firmware"])
        method, path, body = client.sent[0]
        self.assertEqual((method, path), ("POST", "/api/display/bootstrap"))
        self.assertEqual(body, request)

    def test_reads_the_pending_sample(self):
        pending = sample("bootstrap-pending")
        outcome = bootstrap(RecordingClient(answer(202, pending)), "b8:27:eb:12:34:56", 800, 480, None, "x")
        self.assertIsInstance(outcome, Pending)
        self.assertEqual((outcome.human_id, outcome.code, outcome.retry_after_s), (pending["human_readable_id"], pending["pairing_code"], float(pending["retry_after_s"])))
        self.assertTrue(outcome.image_path.startswith("/api/display/pairing-image?"))

    def test_reads_the_approved_sample(self):
        approved = sample("bootstrap-approved")
        outcome = bootstrap(RecordingClient(answer(200, approved)), "b8:27:eb:12:34:56", 800, 480, None, "x")
        self.assertEqual(outcome, Approved(approved["human_readable_id"], approved["token_key"]))

    def test_reads_the_detail_of_the_error_samples(self):
        for name in ("error-invalid-token", "error-unknown-version"):
            error = sample(name)
            self.assertEqual(answer(401, error).detail(), error["detail"])

    def test_the_button_sample_is_what_the_frame_posts(self):
        self.assertEqual(set(sample("button-request")), {"button", "action"})
        self.assertIn(sample("button-request")["action"], ("press", "long"))


if __name__ == "__main__":
    unittest.main()
