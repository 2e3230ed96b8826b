"""The Inkstand frame: finds an Inkstand server, pairs, and shows what it is told on an e-ink panel."""

VERSION = "0.2.0"
FIRMWARE = f"inkstand-frame/{VERSION}"
