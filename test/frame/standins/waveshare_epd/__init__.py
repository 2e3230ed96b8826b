"""Stand-in for Waveshare's `waveshare_epd` package (see ../README.md)."""
