#!/usr/bin/env bash
# Installs the Inkstand frame on a Raspberry Pi running Raspberry Pi OS (Bookworm or later).
# Run it on the Pi, from a copy of this folder:
#
#   sudo ./install.sh [--backend inky|waveshare|file:DIR|command:CMD] [--server URL] [--insecure-http] [--yes]
#
# It installs the program in /opt/inkstand-frame and `inkstand-frame` in /usr/local/bin, the panel's
# driver, a system user (in the spi, gpio and i2c groups) and a systemd service that starts at boot,
# restarts whenever it stops, and logs to the journal (journalctl -u inkstand-frame -f).
# Without --backend it detects an Inky board and otherwise asks. Running it again upgrades in place.
set -euo pipefail

PREFIX=/opt/inkstand-frame
SERVICE=inkstand-frame
SERVICE_USER=inkstand-frame
STATE_DIR=/var/lib/inkstand-frame
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
WAVESHARE_RAW=https://raw.githubusercontent.com/waveshareteam/e-Paper/master/RaspberryPi_JetsonNano/python/lib/waveshare_epd

backend=""
assume_yes=0
options=()
reboot_needed=0

say() { printf '\033[1m%s\033[0m\n' "$*"; }
die() { printf 'install.sh: %s\n' "$*" >&2; exit 1; }

while [ $# -gt 0 ]; do
  case "$1" in
    --backend) backend=${2:?--backend needs a value}; shift 2 ;;
    --server) options+=(--server "${2:?--server needs a URL}"); shift 2 ;;
    --insecure-http) options+=(--insecure-http); shift ;;
    --yes|-y) assume_yes=1; shift ;;
    -h|--help) sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown option $1 (see --help)" ;;
  esac
done

[ "$(id -u)" -eq 0 ] || die "run it as root: sudo $0 $*"
[ -d "$HERE/inkstand_frame" ] || die "run it from the frame/ folder of an Inkstand checkout (no inkstand_frame/ beside it)"
python3 -c 'import sys; sys.exit(sys.version_info < (3, 11))' || die "needs Python 3.11 or newer (Raspberry Pi OS Bookworm has it)"

boot_config() {
  for f in /boot/firmware/config.txt /boot/config.txt; do [ -f "$f" ] && { echo "$f"; return; }; done
}

enable_interfaces() {
  if command -v raspi-config >/dev/null; then
    [ "$(raspi-config nonint get_spi)" = 0 ] || { raspi-config nonint do_spi 0; reboot_needed=1; }
    [ "$(raspi-config nonint get_i2c)" = 0 ] || { raspi-config nonint do_i2c 0; reboot_needed=1; }
  else
    say "raspi-config not found: make sure SPI and I2C are enabled"
  fi
}

# The Inky driver drives chip select itself; the SPI driver must leave GPIO 8 alone (Pimoroni's README).
free_chip_select() {
  local config
  config=$(boot_config) || true
  if [ -n "$config" ] && ! grep -q '^dtoverlay=spi0-0cs' "$config"; then
    echo 'dtoverlay=spi0-0cs' >> "$config"
    reboot_needed=1
  fi
}

install_packages() {
  say "Installing Debian packages"
  apt-get update -qq
  apt-get install -y -qq python3-venv python3-pip python3-pil python3-numpy python3-spidev python3-smbus2 python3-libgpiod python3-gpiozero >/dev/null
  apt-get install -y -qq python3-lgpio >/dev/null 2>&1 || true  # gpiozero's pin library on Raspberry Pi OS
}

install_program() {
  say "Installing the frame program in $PREFIX"
  mkdir -p "$PREFIX/lib"
  [ -x "$PREFIX/venv/bin/python3" ] || python3 -m venv --system-site-packages "$PREFIX/venv"
  rm -rf "$PREFIX/lib/inkstand_frame.new"
  cp -r "$HERE/inkstand_frame" "$PREFIX/lib/inkstand_frame.new"
  find "$PREFIX/lib/inkstand_frame.new" -name __pycache__ -prune -exec rm -rf {} +
  rm -rf "$PREFIX/lib/inkstand_frame"
  mv "$PREFIX/lib/inkstand_frame.new" "$PREFIX/lib/inkstand_frame"
  cat > /usr/local/bin/inkstand-frame <<WRAPPER
#!/bin/sh
PYTHONPATH=$PREFIX/lib exec $PREFIX/venv/bin/python3 -m inkstand_frame "\$@"
WRAPPER
  chmod 755 /usr/local/bin/inkstand-frame
}

install_inky() {
  say "Installing Pimoroni's inky library"
  "$PREFIX/venv/bin/pip" install --quiet --upgrade inky
}

install_waveshare() {
  say "Installing Waveshare's epd7in5_V2 driver"
  local dir="$PREFIX/lib/waveshare_epd"
  mkdir -p "$dir"
  for file in __init__.py epdconfig.py epd7in5_V2.py; do
    curl -fsSL "$WAVESHARE_RAW/$file" -o "$dir/$file.new" || die "could not download $file from Waveshare's repository"
    mv "$dir/$file.new" "$dir/$file"
  done
}

detect_backend() {
  if "$PREFIX/venv/bin/python3" -c 'from inky.auto import auto; auto()' >/dev/null 2>&1; then
    echo inky
  elif [ "$assume_yes" = 1 ] || [ ! -t 0 ]; then
    echo ""
  else
    local answer
    read -r -p "No Inky board answered on I2C. Which panel is attached? [1] Inky Impression  [2] Waveshare 7.5\" V2: " answer </dev/tty
    case "$answer" in 1) echo inky ;; 2) echo waveshare ;; *) echo "" ;; esac
  fi
}

create_user() {
  id -u "$SERVICE_USER" >/dev/null 2>&1 || useradd --system --home-dir "$STATE_DIR" --no-create-home --shell /usr/sbin/nologin "$SERVICE_USER"
  local group
  for group in spi gpio i2c; do
    getent group "$group" >/dev/null && usermod -aG "$group" "$SERVICE_USER"
  done
}

# One argument in systemd's command-line syntax: double-quoted, with \ " $ and % escaped.
systemd_quote() {
  local s=$1
  s=${s//\\/\\\\}; s=${s//\"/\\\"}; s=${s//\$/\$\$}; s=${s//%/%%}
  printf '"%s"' "$s"
}

install_service() {
  say "Installing the $SERVICE service"
  install -m 644 "$HERE/inkstand-frame.service" "/etc/systemd/system/$SERVICE.service"
  local dropin="/etc/systemd/system/$SERVICE.service.d"
  mkdir -p "$dropin"
  local line="/usr/local/bin/inkstand-frame --state-dir $STATE_DIR" arg
  for arg in --backend "$backend" "${options[@]}"; do line+=" $(systemd_quote "$arg")"; done
  printf '[Service]\nExecStart=\nExecStart=%s\n' "$line" > "$dropin/options.conf"
  systemctl daemon-reload
  systemctl enable "$SERVICE" >/dev/null
}

install_packages
install_program
enable_interfaces
case "$backend" in
  "") install_inky; backend=$(detect_backend)
      [ -n "$backend" ] || die "no panel detected: run again with --backend inky or --backend waveshare (after a reboot if SPI/I2C were just enabled)" ;;
  inky) install_inky ;;
  waveshare) install_waveshare ;;
  file:*|command:*) ;;
  *) die "unknown backend $backend: inky, waveshare, file:DIR or command:CMD" ;;
esac
[ "$backend" = inky ] && free_chip_select
[ "$backend" = waveshare ] && [ ! -f "$PREFIX/lib/waveshare_epd/epd7in5_V2.py" ] && install_waveshare
create_user
install_service

if [ "$reboot_needed" = 1 ]; then
  say "SPI/I2C settings changed: reboot to start the frame (sudo reboot). It starts by itself from now on."
else
  systemctl restart "$SERVICE"
  say "The frame is running. Its log: journalctl -u $SERVICE -f"
fi
say "Approve it in Inkstand (Displays) when its pairing picture appears."
