"""Where to find the server this time: the configured URLs, or UDP discovery → mDNS → the last server that worked."""
import logging
from dataclasses import dataclass

from .discovery import discover_udp
from .mdns import discover_mdns
from .server_info import ServerInfo, base_of

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class LocateOptions:
    #: `--server` URLs (nodes of one Inkstand, in order); empty means discovery.
    server_urls: tuple[str, ...]
    discovery_port: int
    discovery_target: str | None
    insecure_http: bool
    #: The configured https server's certificate, pinned from the first request (the server's installer passes it).
    fingerprint: str | None = None


class ServerLocator:
    def __init__(self, options: LocateOptions, discover_udp=discover_udp, discover_mdns=discover_mdns):
        self.options = options
        self._udp = discover_udp
        self._mdns = discover_mdns
        self._reported: str | None = None
        # With configured URLs: the one in use (kept until the frame asks to move on) and its place in the list.
        self._current: ServerInfo | None = None
        self._index = 0

    def describe(self) -> str:
        """How the server is looked for, for the log line when it is not found."""
        if self.options.server_urls:
            return ", ".join(self.options.server_urls)
        where = self.options.discovery_target or "broadcast"
        return f"UDP discovery ({where}, port {self.options.discovery_port}), mDNS _inkstand._tcp"

    def locate(self, remembered: ServerInfo | None, paired: bool, move_on: bool = False) -> ServerInfo | None:
        """One round of looking; None when nothing answered (the caller waits and asks again).

        A paired frame stays with the server it paired with: a server with another certificate is
        only ever reported, never switched to (its token would mean nothing there, and a stray
        answer must not unpair a frame). Nodes of one Inkstand share their certificate, so a frame
        moves between them freely.

        With configured URLs the frame keeps to the one in use until `move_on` (it stopped
        answering): then it takes the next URL of the list, or, with one URL (as the installer sets
        it), whichever node answers discovery with the pinned certificate.
        """
        pinned = remembered.fingerprint if paired and remembered else None
        if not self.options.server_urls:
            return self._discover(pinned) or remembered
        if self._current is None:
            self._current = self._configured(0)
        elif move_on:
            self._current = self._next_configured(pinned or self.options.fingerprint)
        return self._current

    def _configured(self, index: int) -> ServerInfo:
        self._index = index
        return ServerInfo(base_of(self.options.server_urls[index]), self.options.fingerprint, None, "configured")

    def _next_configured(self, pinned: str | None) -> ServerInfo:
        urls = self.options.server_urls
        if len(urls) > 1:
            return self._configured((self._index + 1) % len(urls))
        # Without a pinned certificate nothing tells one of our nodes from another server in the house.
        found = self._discover(pinned) if pinned else None
        return found or self._configured(0)

    def _discover(self, prefer: str | None) -> ServerInfo | None:
        o = self.options
        found = self._udp(o.discovery_port, o.discovery_target, insecure_http=o.insecure_http, prefer=prefer)
        # mDNS is multicast on the LAN; a frame told to ask one address does not look elsewhere.
        if not found and not o.discovery_target:
            found = self._mdns(insecure_http=o.insecure_http)
        if found and prefer and found.fingerprint != prefer:
            if found.base_url != self._reported:
                log.warning("ignoring %s at %s: its certificate %s is not that of the server this frame paired with (%s); "
                            "to pair with it instead, delete state.json in the state dir", found.name or "Inkstand", found.base_url, found.fingerprint, prefer)
                self._reported = found.base_url
            found = None
        return found
