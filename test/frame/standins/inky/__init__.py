"""Stand-in for Pimoroni's `inky` package (see ../README.md)."""
