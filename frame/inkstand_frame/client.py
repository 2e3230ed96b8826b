"""HTTP(S) to the Inkstand server, with the server's certificate pinned by its SHA-256 fingerprint.

The server's certificate is self-signed, so a CA chain means nothing here: what makes it the
server is that its certificate hashes to the fingerprint announced at discovery (or seen on first
contact with a configured https URL). The check runs right after the TLS handshake, before a single
byte of the request (and so the token) is sent.
"""
import hashlib
import http.client
import json
import socket
import ssl
from dataclasses import dataclass
from urllib.parse import urlsplit

from .server_info import ServerInfo

MAX_BODY_BYTES = 32 * 1024 * 1024


class Unreachable(Exception):
    """The server could not be reached or could not answer now; wait and try again."""


class CertificateMismatch(Exception):
    def __init__(self, url: str, expected: str, got: str):
        super().__init__(f"{url} presented certificate {got}, but this frame trusts {expected}")
        self.got = got


@dataclass
class Response:
    status: int
    headers: dict[str, str]
    body: bytes

    def json(self):
        try:
            return json.loads(self.body.decode("utf-8"))
        except (UnicodeDecodeError, ValueError) as err:
            raise Unreachable(f"the server answered {self.status} with a body that is not JSON") from err

    def detail(self) -> str:
        try:
            return str(json.loads(self.body.decode("utf-8")).get("detail", ""))[:200]
        except (UnicodeDecodeError, ValueError, AttributeError):
            return self.body[:200].decode("utf-8", errors="replace")


def certificate_fingerprint(der: bytes) -> str:
    return "sha256:" + hashlib.sha256(der).hexdigest()


class _PinnedHTTPSConnection(http.client.HTTPSConnection):
    def __init__(self, host: str, port: int | None, expected: str | None, timeout: float):
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
        context.check_hostname = False
        context.verify_mode = ssl.CERT_NONE  # trust comes from the pinned fingerprint, checked in connect()
        super().__init__(host, port, timeout=timeout, context=context)
        self.expected = expected
        self.seen: str | None = None

    def connect(self) -> None:
        super().connect()
        self.seen = certificate_fingerprint(self.sock.getpeercert(binary_form=True))
        if self.expected is not None and self.seen != self.expected:
            self.close()
            raise CertificateMismatch(f"https://{self.host}:{self.port}", self.expected, self.seen)


class DeviceClient:
    """One request per connection: the main loop and the button thread each call it freely."""

    def __init__(self, server: ServerInfo, on_first_certificate=None):
        self.server = server
        parts = urlsplit(server.base_url)
        self._host = parts.hostname
        self._port = parts.port
        # Called with the fingerprint when an https server with no pinned fingerprint is first reached.
        self._on_first_certificate = on_first_certificate

    def request(self, method: str, path: str, headers: dict[str, str] | None = None, body: object | None = None, timeout_s: float = 30.0) -> Response:
        """Sends one request; raises Unreachable for network trouble and CertificateMismatch for an impostor."""
        if self.server.secure:
            connection = _PinnedHTTPSConnection(self._host, self._port, self.server.fingerprint, timeout_s)
        else:
            connection = http.client.HTTPConnection(self._host, self._port, timeout=timeout_s)
        all_headers = {"Accept": "application/json, image/png", **(headers or {})}
        payload = None
        if body is not None:
            payload = json.dumps(body).encode("utf-8")
            all_headers["Content-Type"] = "application/json"
        try:
            connection.request(method, path, body=payload, headers=all_headers)
            if isinstance(connection, _PinnedHTTPSConnection) and self.server.fingerprint is None and self._on_first_certificate:
                self._on_first_certificate(connection.seen)
            answer = connection.getresponse()
            data = answer.read(MAX_BODY_BYTES + 1)
            if len(data) > MAX_BODY_BYTES:
                raise Unreachable(f"{method} {path}: answer larger than {MAX_BODY_BYTES} bytes")
            return Response(answer.status, {k.lower(): v for k, v in answer.getheaders()}, data)
        except CertificateMismatch:
            raise
        except (OSError, http.client.HTTPException) as err:
            raise Unreachable(_describe(err, self.server.base_url)) from err
        finally:
            connection.close()

    def path_of(self, url: str) -> str:
        """Path and query of a URL the server handed out; it is always fetched from this server, never elsewhere."""
        parts = urlsplit(url)
        return parts.path + (f"?{parts.query}" if parts.query else "")


def _describe(err: Exception, base_url: str) -> str:
    if isinstance(err, ConnectionRefusedError):
        return f"{base_url} refused the connection"
    if isinstance(err, (socket.timeout, TimeoutError)):
        return f"{base_url} did not answer in time"
    if isinstance(err, ssl.SSLError):
        return f"TLS with {base_url} failed: {err.reason or err}"
    if isinstance(err, (ConnectionResetError, http.client.RemoteDisconnected, BrokenPipeError)):
        return f"{base_url} closed the connection"
    if isinstance(err, socket.gaierror):
        return f"cannot resolve {base_url}: {err.strerror}"
    return f"{base_url}: {err.strerror if isinstance(err, OSError) and err.strerror else err}"
