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


class ServerLocator:
    def __init__(self, options: LocateOptions, discover_udp=discover_udp, discover_mdns=discover_mdns):
        self.options = options
        self._udp = discover_udp
        self._mdns = discover_mdns

    def describe(self) -> str:
        """How the server is looked for, for the log line when it is not found."""
        if self.options.server_url:
            return self.options.server_url
        where = self.options.discovery_target or "broadcast"
        return f"UDP discovery ({where}, port {self.options.discovery_port}), mDNS _inkstand._tcp"

    def locate(self, remembered: ServerInfo | None) -> ServerInfo | None:
        """One round of looking; None when nothing answered (the caller waits and asks again)."""
        o = self.options
        if o.server_url:
            return ServerInfo(base_of(o.server_url), None, None, "configured")
        found = self._udp(o.discovery_port, o.discovery_target, insecure_http=o.insecure_http)
        # mDNS is multicast on the LAN; a frame told to ask one address does not look elsewhere.
        if not found and not o.discovery_target:
            found = self._mdns(insecure_http=o.insecure_http)
        return found or remembered
