import unittest

import support  # noqa: F401
from inkstand_frame.locate import LocateOptions, ServerLocator
from inkstand_frame.server_info import ServerInfo

OURS = "sha256:" + "aa" * 32
THEIRS = "sha256:" + "bb" * 32
REMEMBERED = ServerInfo("https://192.168.1.10:8443", OURS, None, "remembered")


def locator(udp=None, mdns=None, server_urls=(), target=None, fingerprint=None):
    calls = []

    def fake_udp(port, target, insecure_http=False, prefer=None):
        calls.append(("udp", port, target, prefer))
        return udp

    def fake_mdns(insecure_http=False):
        calls.append(("mdns",))
        return mdns

    return ServerLocator(LocateOptions(server_urls, 51234, target, False, fingerprint), fake_udp, fake_mdns), calls


class LocateTest(unittest.TestCase):
    def test_udp_then_mdns_then_the_last_server_that_worked(self):
        found = ServerInfo("https://10.0.0.5:8443", OURS, "Home", "mdns")
        loc, calls = locator(udp=None, mdns=found)
        self.assertEqual(loc.locate(REMEMBERED, paired=True), found)
        self.assertEqual(calls, [("udp", 51234, None, OURS), ("mdns",)])
        loc, _ = locator()
        self.assertEqual(loc.locate(REMEMBERED, paired=True), REMEMBERED)

    def test_a_discovery_target_means_no_mdns(self):
        loc, calls = locator(target="127.0.0.1")
        self.assertIsNone(loc.locate(None, paired=False))
        self.assertEqual(calls, [("udp", 51234, "127.0.0.1", None)])

    def test_a_paired_frame_never_switches_to_a_server_with_another_certificate(self):
        with self.assertLogs("inkstand_frame.locate", "WARNING") as logs:
            loc, _ = locator(udp=ServerInfo("https://192.168.1.20:8443", THEIRS, "Study", "udp"))
            self.assertEqual(loc.locate(REMEMBERED, paired=True), REMEMBERED)
            loc.locate(REMEMBERED, paired=True)
        self.assertEqual(len(logs.output), 1)  # said once, not at every round
        self.assertIn("ignoring Study at https://192.168.1.20:8443", logs.output[0])

    def test_an_unpaired_frame_takes_what_it_finds(self):
        other = ServerInfo("https://192.168.1.20:8443", THEIRS, "Study", "udp")
        loc, _ = locator(udp=other)
        self.assertEqual(loc.locate(REMEMBERED, paired=False), other)

    def test_a_configured_url_skips_discovery(self):
        loc, calls = locator(server_urls=("http://10.0.0.9:8000/",))
        self.assertEqual(loc.locate(REMEMBERED, paired=True), ServerInfo("http://10.0.0.9:8000", None, None, "configured"))
        self.assertEqual(calls, [])

    def test_a_configured_url_with_a_fingerprint_is_pinned_from_the_first_request(self):
        loc, calls = locator(server_urls=("https://10.0.0.9:8443",), fingerprint=OURS)
        self.assertEqual(loc.locate(None, paired=False), ServerInfo("https://10.0.0.9:8443", OURS, None, "configured"))
        self.assertEqual(calls, [])

    def test_a_configured_url_is_kept_until_the_frame_moves_on_then_another_node_with_the_pinned_certificate_is_discovered(self):
        node_b = ServerInfo("https://10.0.0.10:8443", OURS, "Inkstand", "udp")
        loc, calls = locator(udp=node_b, server_urls=("https://10.0.0.9:8443",), fingerprint=OURS)
        node_a = ServerInfo("https://10.0.0.9:8443", OURS, None, "configured")
        self.assertEqual(loc.locate(None, paired=True), node_a)
        self.assertEqual(loc.locate(node_a, paired=True), node_a)
        self.assertEqual(calls, [])
        self.assertEqual(loc.locate(node_a, paired=True, move_on=True), node_b)
        self.assertEqual(calls, [("udp", 51234, None, OURS)])
        # Then it stays there: a brief error on node B does not send it back to A.
        self.assertEqual(loc.locate(node_b, paired=True), node_b)

    def test_moving_on_never_takes_a_server_with_another_certificate_and_without_a_pin_does_not_discover(self):
        loc, calls = locator(udp=ServerInfo("https://10.0.0.20:8443", THEIRS, "Study", "udp"), server_urls=("https://10.0.0.9:8443",), fingerprint=OURS)
        node_a = loc.locate(None, paired=True)
        with self.assertLogs("inkstand_frame.locate", "WARNING"):
            self.assertEqual(loc.locate(node_a, paired=True, move_on=True), node_a)
        loc, calls = locator(udp=ServerInfo("https://10.0.0.20:8443", THEIRS, "Study", "udp"), server_urls=("http://10.0.0.9:8000",))
        plain = loc.locate(None, paired=False)
        self.assertEqual(loc.locate(plain, paired=False, move_on=True), plain)
        self.assertEqual(calls, [])

    def test_several_configured_urls_are_taken_in_turn(self):
        loc, calls = locator(server_urls=("https://a.lan:8443", "https://b.lan:8443"), fingerprint=OURS)
        self.assertEqual(loc.locate(None, paired=True).base_url, "https://a.lan:8443")
        self.assertEqual(loc.locate(None, paired=True, move_on=True).base_url, "https://b.lan:8443")
        self.assertEqual(loc.locate(None, paired=True, move_on=True).base_url, "https://a.lan:8443")
        self.assertEqual(loc.describe(), "https://a.lan:8443, https://b.lan:8443")
        self.assertEqual(calls, [])


if __name__ == "__main__":
    unittest.main()
