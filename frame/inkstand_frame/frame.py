"""The main loop: find the server, pair, then follow the display's state and show each new picture once."""
import logging
import threading
import time
from dataclasses import dataclass, replace

from . import FIRMWARE
from .backends import Backend, ShowFailed
from .backends.base import Picture
from .backoff import Backoff, Sleeper
from .client import CertificateMismatch, DeviceClient, Unreachable
from .hardware import Host
from .locate import ServerLocator
from .pairing import Approved, PairingRefused, bootstrap
from .png import BadImage, check_panel_image
from .server_info import ServerInfo
from .store import StateStore

log = logging.getLogger("inkstand_frame")

STATE_PATH = "/api/display/state"
BUTTON_PATH = "/api/display/button"
MAX_WAIT_S = 60
# A held long-poll ends after `wait` seconds; the socket gets this much longer before it counts as dead.
WAIT_MARGIN_S = 15
REFUSED_RETRY_S = 300
# Failed tries in a row after which a frame with configured URLs moves on to another node.
FAILOVER_AFTER = 3


class TokenRefused(Exception):
    """401: the token is unknown or revoked; the frame pairs again."""


@dataclass
class FrameOptions:
    hardware_id: str
    once: bool = False


class Frame:
    def __init__(self, options: FrameOptions, store: StateStore, backend: Backend, locator: ServerLocator, host: Host, sleeper: Sleeper):
        self.options = options
        self.store = store
        self.backend = backend
        self.locator = locator
        self.host = host
        self.sleeper = sleeper
        self.state = store.load()
        self.server: ServerInfo | None = None
        self.client: DeviceClient | None = None
        self.etag: str | None = None
        self.poll_interval_s = 300.0
        # The panel and the state file are shared by the main loop and the button worker.
        self._panel_lock = threading.RLock()
        self._backoff = Backoff()
        self._waiting_for: str | None = None
        self._failures = 0

    # --- the loop -------------------------------------------------------------------------------

    def run(self) -> int:
        """Runs until stopped (or one cycle with --once: 0 when it reached the server, 1 when not)."""
        while not self.sleeper.stopped:
            try:
                if not self._connect():
                    if self.options.once:
                        return 1
                    continue
                if not self.state.token:
                    delay = self._pair_step()
                    if self.options.once:
                        return 0
                    if delay:
                        self.sleeper.sleep(delay)
                    continue
                self._follow_step()
                self._reachable()
                if self.options.once:
                    return 0
            except TokenRefused:
                log.warning("the server refused this frame's token (revoked or unknown): pairing again")
                self._save(token=None)
                self.etag = None
            except CertificateMismatch as err:
                log.error("refusing %s", err)
                self._lost("the server's certificate does not match the pinned fingerprint")
                if self.options.once:
                    return 1
            except Unreachable as err:
                self._lost(str(err))
                if self.options.once:
                    return 1
            except PairingRefused as err:
                log.error("%s; asking again in %d s", err, REFUSED_RETRY_S)
                if self.options.once:
                    return 1
                self.sleeper.sleep(REFUSED_RETRY_S)
            except ShowFailed as err:
                self._wait(f"the panel could not show the picture: {err}")
                if self.options.once:
                    return 1
        return 0

    def _connect(self) -> bool:
        """Makes sure there is a server to talk to; False (after waiting) when none was found."""
        if self.client is not None:
            return True
        remembered = ServerInfo(self.state.server_url, self.state.fingerprint, None, "remembered") if self.state.server_url else None
        server = self.locator.locate(remembered, paired=bool(self.state.token), move_on=self._failures >= FAILOVER_AFTER)
        if server is None:
            self._wait(f"no Inkstand server found by {self.locator.describe()}")
            return False
        if server.secure and server.fingerprint is None and self.state.token:
            # A configured https URL announces nothing: a frame with a token talks only to the server it paired with.
            server = replace(server, fingerprint=self.state.fingerprint)
        if server.base_url != self.state.server_url or server.fingerprint != self.state.fingerprint:
            if server.fingerprint or not server.secure:
                self._save(server_url=server.base_url, fingerprint=server.fingerprint)
            log.info("server %s at %s%s", server.name or "Inkstand", server.base_url, f" ({server.source})" if server.source != "configured" else "")
        self.server = server
        self.client = DeviceClient(server, on_first_certificate=self._pin_first_certificate)
        return True

    def _pin_first_certificate(self, fingerprint: str) -> None:
        log.info("pinned the certificate of %s: %s", self.server.base_url, fingerprint)
        self.server = replace(self.server, fingerprint=fingerprint)
        self.client = DeviceClient(self.server, on_first_certificate=self._pin_first_certificate)
        self._save(server_url=self.server.base_url, fingerprint=fingerprint)

    def _pair_step(self) -> float:
        """One bootstrap; shows the pairing picture while pending. Returns how long to wait before the next."""
        client = self.client
        outcome = bootstrap(client, self.options.hardware_id, self.backend.width, self.backend.height, self.backend.panel, FIRMWARE)
        self._reachable()
        if isinstance(outcome, Approved):
            self._save(token=outcome.token, human_id=outcome.human_id)
            self.etag = None
            log.info("paired as %s", outcome.human_id)
            return 0
        label = f"pairing-{outcome.code}"
        with self._panel_lock:
            if self.state.shown_version != label:
                png = self._download(outcome.image_path, token=None) if outcome.image_path else None
                if png:
                    self._show(png, label, "pairing")
                self._save(human_id=outcome.human_id)
                log.info("pairing: %s code %s", outcome.human_id, outcome.code)
        return min(max(outcome.retry_after_s, 1.0), 60.0)

    def _follow_step(self) -> None:
        """One state poll (a long-poll once the frame knows its ETag); shows the picture if it changed."""
        wait = 0 if self.options.once or not self.etag else int(min(MAX_WAIT_S, max(1, self.poll_interval_s)))
        path = STATE_PATH + (f"?wait={wait}" if wait else "")
        headers = {**self._auth(), **self.host.telemetry_headers()}
        sent_etag = self.etag
        if sent_etag:
            headers["If-None-Match"] = sent_etag
        started = time.monotonic()
        answer = self.client.request("GET", path, headers=headers, timeout_s=wait + WAIT_MARGIN_S)
        quick = time.monotonic() - started < 1.0
        if answer.status == 304:
            log.debug("state unchanged")
            if wait and quick:
                # The server did not hold the request: it does not long-poll, so poll at its interval.
                self.sleeper.sleep(self.poll_interval_s)
            return
        self._check(answer, "state")
        state = answer.json()
        self.etag = answer.headers.get("etag")
        self.apply_state(state)
        if sent_etag and self.etag == sent_etag:
            self.sleeper.sleep(self.poll_interval_s)  # the server ignores If-None-Match: do not hammer it

    def apply_state(self, state: dict) -> None:
        """Shows the state's picture unless the panel shows it already (called by the loop and by buttons)."""
        try:
            version, mode, image_url = str(state["version"]), str(state["mode"]), str(state["image_url"])
            interval = state.get("poll_interval_s")
        except (KeyError, TypeError) as err:
            raise Unreachable(f"the state answer has no {err}") from err
        if isinstance(interval, (int, float)) and interval > 0:
            self.poll_interval_s = float(interval)
        with self._panel_lock:
            if version == self.state.shown_version:
                log.debug("still showing %s (%s)", version, mode)
                return
            png = self._download(self.client.path_of(image_url), token=self.state.token)
            if png is None:
                self.etag = None  # the picture moved on while we asked: fetch the current state at once
                return
            self._show(png, version, mode)

    # --- buttons --------------------------------------------------------------------------------

    def press(self, button: str, kind: str) -> None:
        """Posts a button press and shows the state the server answers with, at once."""
        client, token = self.client, self.state.token
        if client is None or not token:
            log.info("button %s (%s) ignored: the frame is not paired with a server yet", button, kind)
            return
        try:
            answer = client.request("POST", BUTTON_PATH, headers=self._auth(), body={"button": button, "action": kind})
            if answer.status != 200:
                log.warning("button %s (%s): the server answered %d: %s", button, kind, answer.status, answer.detail())
                return
            log.info("button %s (%s)", button, kind)
            self.apply_state(answer.json())
        except (Unreachable, CertificateMismatch) as err:
            log.warning("button %s (%s) not sent: %s", button, kind, err)
        except ShowFailed as err:
            log.error("the panel could not show the picture: %s", err)

    # --- helpers --------------------------------------------------------------------------------

    def _download(self, path: str, token: str | None) -> bytes | None:
        """The PNG at `path`, checked against the panel; None when that version is gone (404)."""
        headers = {"Authorization": f"Token {token}"} if token else {}
        answer = self.client.request("GET", path, headers={**headers, "Accept": "image/png"})
        if answer.status == 404:
            log.debug("%s is no longer current", path)
            return None
        self._check(answer, "image")
        log.debug("downloaded %s (%d bytes)", path, len(answer.body))
        try:
            check_panel_image(answer.body, self.backend.width, self.backend.height)
        except BadImage as err:
            raise ShowFailed(str(err)) from err
        return answer.body

    def _show(self, png: bytes, label: str, mode: str) -> None:
        self.backend.show(Picture(png, label, mode))
        self._save(shown_version=label)
        if mode != "pairing":
            log.info("showing %s (%s)", label, mode)

    def _check(self, answer, what: str) -> None:
        if answer.status == 401:
            raise TokenRefused()
        if answer.status != 200:
            raise Unreachable(f"{what} answered {answer.status}: {answer.detail()}")

    def _auth(self) -> dict[str, str]:
        return {"Authorization": f"Token {self.state.token}"}

    def _save(self, **changes) -> None:
        with self._panel_lock:
            self.state = replace(self.state, **changes)
            self.store.save(self.state)

    def _lost(self, reason: str) -> None:
        """The server stopped answering: wait, then look for it again (it may have moved)."""
        self.client = None
        self.etag = None
        self._failures += 1
        self._wait(reason)

    def _wait(self, reason: str) -> None:
        delay = self._backoff.next_delay()
        if reason != self._waiting_for:
            log.warning("waiting: %s; trying again in %.0f s", reason, delay)
            self._waiting_for = reason
        else:
            log.debug("still waiting: %s; next try in %.0f s", reason, delay)
        if not self.options.once:
            self.sleeper.sleep(delay)

    def _reachable(self) -> None:
        if self._waiting_for is not None:
            log.info("the server answers again")
            self._waiting_for = None
        self._failures = 0
        self._backoff.reset()
