"""The main loop against a scripted device API (http.server), one cycle at a time where it can be."""
import http.server
import json
import unittest
from urllib.parse import urlsplit

import support
from inkstand_frame.backends import ShowFailed
from inkstand_frame.backends.file import FileBackend
from inkstand_frame.backoff import Sleeper
from inkstand_frame.frame import Frame, FrameOptions
from inkstand_frame.hardware import Host
from inkstand_frame.server_info import ServerInfo
from inkstand_frame.store import DeviceState, StateStore

PNG = support.indexed_png(800, 480, [(0, 0, 0), (255, 255, 255)])


class FakeDeviceApi(http.server.BaseHTTPRequestHandler):
    """Answers from `api`: a dict the test changes between cycles; records every request."""

    api: dict = {}

    def do_GET(self):
        self._answer()

    def do_POST(self):
        self._answer()

    def _answer(self):
        api = FakeDeviceApi.api
        url = urlsplit(self.path)
        api["requests"].append((self.command, url.path, url.query, self.headers.get("If-None-Match")))
        status, body, headers = api["routes"].get(url.path, lambda: (404, b"{}", {}))()
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


STATE_SAMPLE = json.loads((support.REPO / "test" / "fixtures" / "device-protocol" / "state.json").read_text())


def state_answer(version, etag=None, mode="photo", interval=300):
    """The golden state sample (contract/device.ts), with the fields a test varies."""
    body = {**STATE_SAMPLE, "mode": mode, "version": version, "image_url": f"http://elsewhere/api/display/image?version={version}", "poll_interval_s": interval}
    return lambda: (200, json.dumps(body).encode(), {"ETag": etag or f'"{version}-etag"', "Content-Type": "application/json"})


class RecordingSleeper(Sleeper):
    def __init__(self, stop_after: int):
        super().__init__()
        self.slept: list[float] = []
        self.stop_after = stop_after

    def sleep(self, seconds):
        self.slept.append(seconds)
        if len(self.slept) >= self.stop_after:
            self.stop()


class FlakyBackend(FileBackend):
    def __init__(self, directory, failures: int):
        super().__init__(directory, 800, 480)
        self.failures = failures

    def show(self, picture):
        if self.failures:
            self.failures -= 1
            raise ShowFailed("SPI write failed")
        super().show(picture)


class Locator:
    def __init__(self, base_url):
        self.base_url = base_url

    def locate(self, remembered, paired, move_on=False):
        return ServerInfo(self.base_url, None, None, "configured")

    def describe(self):
        return self.base_url


class FailoverLocator:
    """A configured node that is gone (nothing listens on its port), and the one discovery finds once the frame moves on."""

    def __init__(self, dead_url, alive_url):
        self.dead_url, self.alive_url = dead_url, alive_url
        self.move_ons: list[bool] = []

    def locate(self, remembered, paired, move_on=False):
        self.move_ons.append(move_on)
        return ServerInfo(self.alive_url if move_on else self.dead_url, None, None, "udp" if move_on else "configured")

    def describe(self):
        return self.dead_url


class FrameLoopTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.httpd, cls.base = support.serve_on_loopback(FakeDeviceApi)

    @classmethod
    def tearDownClass(cls):
        support.stop_server(cls.httpd)

    def setUp(self):
        FakeDeviceApi.api = {"requests": [], "routes": {"/api/display/image": lambda: (200, PNG, {"Content-Type": "image/png"})}}
        self.work = support.temp_dir()
        self.store = StateStore(self.work / "state")
        self.panel = self.work / "panel"

    def frame(self, once=True, backend=None, sleeper=None, state=DeviceState(server_url=None, token="t0k", shown_version=None)):
        self.store.save(state)
        return Frame(FrameOptions("test:loop", once), self.store, backend or FileBackend(str(self.panel), 800, 480),
                     Locator(self.base), Host(str(self.work / "no-such-root")), sleeper or RecordingSleeper(1000))

    def requests(self, path):
        return [r for r in FakeDeviceApi.api["requests"] if r[1] == path]

    def refreshes(self):
        log = self.panel / "shown.log"
        return log.read_text().splitlines() if log.exists() else []

    def test_a_node_that_stops_answering_is_left_after_three_tries_for_another_with_the_same_token(self):
        FakeDeviceApi.api["routes"]["/api/display/state"] = state_answer("v7")
        locator = FailoverLocator(f"http://127.0.0.1:{support.unused_port()}", self.base)
        sleeper = RecordingSleeper(4)  # three waits after the refused tries, then the poll interval on the new node
        self.store.save(DeviceState(token="t0k"))
        frame = Frame(FrameOptions("test:failover", False), self.store, FileBackend(str(self.panel), 800, 480), locator, Host(str(self.work / "no-such-root")), sleeper)
        with self.assertLogs("inkstand_frame", "INFO") as logs:
            self.assertEqual(frame.run(), 0)
        self.assertEqual(locator.move_ons, [False, False, False, True])
        self.assertEqual(self.store.load().server_url, self.base)
        self.assertEqual(self.store.load().token, "t0k")
        self.assertEqual(self.store.load().shown_version, "v7")
        self.assertTrue(any("refused the connection" in line for line in logs.output))
        self.assertTrue(any("the server answers again" in line for line in logs.output))

    def test_a_restarted_frame_whose_panel_shows_the_current_version_neither_downloads_nor_refreshes(self):
        FakeDeviceApi.api["routes"]["/api/display/state"] = state_answer("v1")
        frame = self.frame(state=DeviceState(token="t0k", shown_version="v1"))
        self.assertEqual(frame.run(), 0)
        self.assertEqual(len(self.requests("/api/display/state")), 1)
        self.assertEqual(self.requests("/api/display/image"), [])
        self.assertEqual(self.refreshes(), [])

    def test_the_image_is_fetched_from_this_server_whatever_host_the_url_names(self):
        FakeDeviceApi.api["routes"]["/api/display/state"] = state_answer("v2")
        self.assertEqual(self.frame().run(), 0)
        self.assertEqual(self.requests("/api/display/image"), [("GET", "/api/display/image", "version=v2", None)])
        self.assertEqual(self.store.load().shown_version, "v2")
        self.assertEqual((self.panel / "current.png").read_bytes(), PNG)

    def test_a_panel_failure_is_tried_again_later_and_not_remembered_as_shown(self):
        FakeDeviceApi.api["routes"]["/api/display/state"] = state_answer("v3")
        frame = self.frame(backend=FlakyBackend(str(self.panel), failures=1))
        self.assertEqual(frame.run(), 1)
        self.assertIsNone(self.store.load().shown_version)
        self.assertEqual(frame.run(), 0)
        self.assertEqual(self.store.load().shown_version, "v3")
        self.assertEqual(len(self.refreshes()), 1)

    def test_a_version_gone_by_the_time_of_the_download_shows_nothing_and_asks_again(self):
        FakeDeviceApi.api["routes"]["/api/display/state"] = state_answer("old")
        FakeDeviceApi.api["routes"]["/api/display/image"] = lambda: (404, b'{"code": "unknown_version", "version": "new"}', {})
        frame = self.frame()
        self.assertEqual(frame.run(), 0)
        self.assertEqual(self.refreshes(), [])
        self.assertIsNone(frame.etag)  # the next poll gets the current state at once

    def test_a_refused_token_is_dropped_and_the_next_cycle_pairs_again(self):
        FakeDeviceApi.api["routes"]["/api/display/state"] = lambda: (401, b'{"detail": "revoked", "code": "invalid_token"}', {})
        pending = {"human_readable_id": "kmr-tav-bez", "status": "pending", "pairing_code": "123456", "retry_after_s": 10,
                   "image_url": "http://x/api/display/pairing-image?hardware_id=test%3Aloop&code=123456"}
        FakeDeviceApi.api["routes"]["/api/display/bootstrap"] = lambda: (202, json.dumps(pending).encode(), {})
        FakeDeviceApi.api["routes"]["/api/display/pairing-image"] = lambda: (200, PNG, {"Content-Type": "image/png"})
        frame = self.frame(sleeper=RecordingSleeper(stop_after=1), once=False)
        frame.run()
        self.assertIsNone(self.store.load().token)
        self.assertEqual(self.refreshes()[0].split()[1:3], ["pairing-123456", "pairing"])
        self.assertEqual(frame.sleeper.slept, [10])  # waits as long as the server asked before bootstrapping again

    def test_a_server_that_ignores_if_none_match_is_polled_at_its_interval_not_hammered(self):
        FakeDeviceApi.api["routes"]["/api/display/state"] = state_answer("v4", etag='"same"', interval=30)
        sleeper = RecordingSleeper(stop_after=2)
        self.frame(once=False, sleeper=sleeper).run()
        states = self.requests("/api/display/state")
        self.assertEqual(states[1][2:], ("wait=30", '"same"'))
        self.assertEqual(sleeper.slept, [30.0, 30.0])
        self.assertEqual(len(self.refreshes()), 1)


if __name__ == "__main__":
    unittest.main()
