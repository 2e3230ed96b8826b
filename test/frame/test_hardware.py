import unittest

import support
from inkstand_frame import FIRMWARE
from inkstand_frame.hardware import Host

CPUINFO_ZERO_2W = """processor\t: 3
BogoMIPS\t: 38.40
Features\t: fp asimd evtstrm crc32 cpuid
CPU implementer\t: 0x41

Revision\t: 902120
Serial\t\t: 00000000a3b2c1d0
Model\t\t: Raspberry Pi Zero 2 W Rev 1.0
"""

WIRELESS = """Inter-| sta-|   Quality        |   Discarded packets               | Missed | WE
 face | tus | link level noise |  nwid  crypt   frag  retry   misc | beacon | 22
 wlan0: 0000   58.  -52.  -256        0      0      0      7      0        0
"""


def fake_root(files: dict[str, str]):
    root = support.temp_dir()
    for relative, text in files.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    return root


class HardwareIdTest(unittest.TestCase):
    def test_serial_from_cpuinfo(self):
        self.assertEqual(Host(fake_root({"proc/cpuinfo": CPUINFO_ZERO_2W})).hardware_id(), "rpi:00000000a3b2c1d0")

    def test_serial_from_the_device_tree_when_cpuinfo_has_none(self):
        root = fake_root({"proc/cpuinfo": "processor\t: 0\n", "sys/firmware/devicetree/base/serial-number": "10000000abcdef01\0"})
        self.assertEqual(Host(root).hardware_id(), "rpi:10000000abcdef01")

    def test_mac_when_there_is_no_serial_skipping_loopback_and_bridges(self):
        root = fake_root({
            "proc/cpuinfo": "Serial\t\t: 0000000000000000\n",
            "sys/class/net/lo/address": "00:00:00:00:00:00\n",
            "sys/class/net/docker0/address": "02:42:ac:11:00:02\n",
            "sys/class/net/wlan0/address": "B8:27:EB:12:34:56\n",
        })
        self.assertEqual(Host(root).hardware_id(), "mac:b8:27:eb:12:34:56")

    def test_no_identity_is_an_error_naming_the_flag(self):
        with self.assertRaisesRegex(RuntimeError, "--hardware-id"):
            Host(fake_root({})).hardware_id()


class TelemetryTest(unittest.TestCase):
    def test_headers_from_proc_and_sys(self):
        root = fake_root({"proc/net/wireless": WIRELESS, "sys/class/thermal/thermal_zone0/temp": "48312\n", "proc/uptime": "12345.67 40000.00\n"})
        self.assertEqual(Host(root).telemetry_headers(), {"X-Firmware": FIRMWARE, "X-RSSI": "-52", "X-CPU-Temperature": "48.3", "X-Uptime": "12345"})

    def test_only_firmware_when_nothing_else_is_known(self):
        self.assertEqual(Host(fake_root({})).telemetry_headers(), {"X-Firmware": FIRMWARE})

    def test_rssi_reported_on_the_0_to_255_scale(self):
        root = fake_root({"proc/net/wireless": WIRELESS.replace("-52.", "201.")})
        self.assertEqual(Host(root).rssi(), -55)


if __name__ == "__main__":
    unittest.main()
