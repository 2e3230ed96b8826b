"""Where to find the server this time: the configured URL, or UDP discovery → mDNS → the last server that worked."""
import logging
from dataclasses import dataclass

from .discovery import discover_udp
from .mdns import discover_mdns
from .server_info import ServerInfo, base_of

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class LocateOptions:
    server_url: str | None
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

    def describe(self) -> str:
        """How the server is looked for, for the log line when it is not found."""
        if self.options.server_url:
            return self.options.server_url
        where = self.options.discovery_target or "broadcast"
        return f"UDP discovery ({where}, port {self.options.discovery_port}), mDNS _inkstand._tcp"

    def locate(self, remembered: ServerInfo | None, paired: bool) -> ServerInfo | None:
        """One round of looking; None when nothing answered (the caller waits and asks again).

        A paired frame stays with the server it paired with: a server with another certificate is
        only ever reported, never switched to (its token would mean nothing there, and a stray
        answer must not unpair a frame).
        """
        o = self.options
        if o.server_url:
            return ServerInfo(base_of(o.server_url), o.fingerprint, None, "configured")
        prefer = remembered.fingerprint if paired and remembered else None
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
        return found or remembered
