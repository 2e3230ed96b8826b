"""What the frame knows about the Pi it runs on: a stable hardware id and its telemetry."""
import re
from pathlib import Path

from . import FIRMWARE


class Host:
    """Reads the Pi's files; `root` lets tests point it at a fake /proc and /sys."""

    def __init__(self, root: str = "/"):
        self.root = Path(root)

    def _read(self, relative: str) -> str | None:
        try:
            return (self.root / relative).read_text(encoding="utf-8", errors="replace")
        except OSError:
            return None

    def hardware_id(self) -> str:
        """The Pi's serial number (it survives reflashing), else the MAC of its first network interface."""
        serial = self.serial()
        if serial:
            return f"rpi:{serial}"
        mac = self.mac()
        if mac:
            return f"mac:{mac}"
        raise RuntimeError("no serial number or MAC address found: pass --hardware-id")

    def serial(self) -> str | None:
        cpuinfo = self._read("proc/cpuinfo") or ""
        match = re.search(r"^Serial\s*:\s*([0-9a-fA-F]+)\s*$", cpuinfo, re.MULTILINE)
        candidates = [match.group(1) if match else None, (self._read("sys/firmware/devicetree/base/serial-number") or "").strip("\0\n ")]
        for candidate in candidates:
            # An all-zero serial is what some kernels and emulators report: not an identity.
            if candidate and re.fullmatch(r"[0-9a-fA-F]+", candidate) and candidate.strip("0"):
                return candidate.lower()
        return None

    def mac(self) -> str | None:
        net = self.root / "sys/class/net"
        try:
            names = sorted(p.name for p in net.iterdir())
        except OSError:
            return None
        # Wired and Wi-Fi first, so a USB gadget or docker bridge does not become the identity.
        names.sort(key=lambda n: (not n.startswith(("eth", "en", "wlan", "wl")), n))
        for name in names:
            if name == "lo":
                continue
            address = (self._read(f"sys/class/net/{name}/address") or "").strip().lower()
            if re.fullmatch(r"([0-9a-f]{2}:){5}[0-9a-f]{2}", address) and address != "00:00:00:00:00:00":
                return address
        return None

    def rssi(self) -> int | None:
        """Signal level in dBm of the first Wi-Fi interface in /proc/net/wireless."""
        table = self._read("proc/net/wireless") or ""
        for line in table.splitlines()[2:]:
            parts = line.replace(":", " ", 1).split()
            if len(parts) >= 4:
                try:
                    level = float(parts[3].rstrip("."))
                except ValueError:
                    continue
                # Drivers report either dBm (negative) or a 0–255 scale offset by 256.
                return round(level - 256 if level > 0 else level)
        return None

    def cpu_temperature(self) -> float | None:
        raw = (self._read("sys/class/thermal/thermal_zone0/temp") or "").strip()
        try:
            return round(int(raw) / 1000, 1)
        except ValueError:
            return None

    def uptime_s(self) -> int | None:
        raw = (self._read("proc/uptime") or "").split()
        try:
            return int(float(raw[0]))
        except (IndexError, ValueError):
            return None

    def telemetry_headers(self) -> dict[str, str]:
        """The headers /api/display/state reads (X-Firmware, X-RSSI), plus CPU temperature and uptime."""
        headers = {"X-Firmware": FIRMWARE}
        values = {"X-RSSI": self.rssi(), "X-CPU-Temperature": self.cpu_temperature(), "X-Uptime": self.uptime_s()}
        headers.update({name: str(value) for name, value in values.items() if value is not None})
        return headers
