#!/usr/bin/env bash
# Installs the Inkstand frame on a Raspberry Pi running Raspberry Pi OS (Bookworm or later).
# Run it on the Pi, from a copy of this folder:
#
#   sudo ./install.sh [--backend inky|waveshare[:MODULE]|file:DIR|command:CMD] [--server URL [--fingerprint SHA256]] [--insecure-http] [--yes]
#
# Or from an Inkstand server, which hands out this folder and fills in --server and --fingerprint:
#   curl -fsSL http://<server>:8000/frame/install.sh | sudo sh
#
# It installs the program in /opt/inkstand-frame and `inkstand-frame` in /usr/local/bin, the panel's
# driver, a system user (in the spi, gpio and i2c groups) and a systemd service that starts at boot,
# restarts whenever it stops, and logs to the journal (journalctl -u inkstand-frame -f).
# Without --backend it detects an Inky board and otherwise asks. Running it again upgrades in place.
# INKSTAND_FRAME_ROOT=DIR installs under DIR as if it were / (the tests use a fake root).
set -euo pipefail

ROOT=${INKSTAND_FRAME_ROOT:-}
PREFIX=$ROOT/opt/inkstand-frame
SERVICE=inkstand-frame
SERVICE_USER=inkstand-frame
STATE_DIR=$ROOT/var/lib/inkstand-frame
UNIT_DIR=$ROOT/etc/systemd/system
BIN=$ROOT/usr/local/bin/inkstand-frame
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
WAVESHARE_RAW=https://raw.githubusercontent.com/waveshareteam/e-Paper/master
WAVESHARE_LIB=$WAVESHARE_RAW/RaspberryPi_JetsonNano/python/lib/waveshare_epd
WAVESHARE_13IN3E=$WAVESHARE_RAW/E-paper_Separate_Program/13.3inch_e-Paper_E/RaspberryPi/python/lib

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
    --fingerprint) options+=(--fingerprint "${2:?--fingerprint needs sha256:<hex>}"); shift 2 ;;
    --insecure-http) options+=(--insecure-http); shift ;;
    --yes|-y) assume_yes=1; shift ;;
    -h|--help) sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown option $1 (see --help)" ;;
  esac
done

[ "$(id -u)" -eq 0 ] || die "run it as root: sudo $0 $*"
[ -d "$HERE/inkstand_frame" ] || die "run it from the frame/ folder of an Inkstand checkout (no inkstand_frame/ beside it)"
python3 -c 'import sys; sys.exit(sys.version_info < (3, 11))' || die "needs Python 3.11 or newer (Raspberry Pi OS Bookworm has it)"

boot_config() {
  for f in "$ROOT/boot/firmware/config.txt" "$ROOT/boot/config.txt"; do [ -f "$f" ] && { echo "$f"; return; }; done
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
  mkdir -p "$(dirname "$BIN")"
  cat > "$BIN" <<WRAPPER
#!/bin/sh
PYTHONPATH=$PREFIX/lib exec $PREFIX/venv/bin/python3 -m inkstand_frame "\$@"
WRAPPER
  chmod 755 "$BIN"
}

install_inky() {
  say "Installing Pimoroni's inky library"
  "$PREFIX/venv/bin/pip" install --quiet --upgrade inky
}

download() {  # URL FILE: replaced whole, or left as it was
  curl -fsSL "$1" -o "$2.new" || { rm -f "$2.new"; return 1; }
  mv "$2.new" "$2"
}

# The driver module of a waveshare[:MODULE[:variant]] backend (waveshare alone: the 7.5" V2).
waveshare_module() {
  local spec=${backend#waveshare}
  spec=${spec#:}
  spec=${spec%%:*}
  echo "${spec:-epd7in5_V2}"
}

install_waveshare() {
  local module dir file
  module=$(waveshare_module)
  say "Installing Waveshare's $module driver"
  if [ "$module" = epd13in3e ]; then
    # The 13.3" Spectra 6 is a separate program with its own epdconfig and SPI helper libraries.
    dir="$PREFIX/lib/waveshare_epd13in3e"
    mkdir -p "$dir"
    for file in epd13in3E.py epdconfig.py; do
      download "$WAVESHARE_13IN3E/$file" "$dir/$file" || die "could not download $file from Waveshare's repository"
    done
    for file in DEV_Config_32_b.so DEV_Config_32_w.so DEV_Config_64_b.so DEV_Config_64_w.so; do
      download "$WAVESHARE_13IN3E/$file" "$dir/$file" || true  # not every build is published for every system
    done
    return
  fi
  dir="$PREFIX/lib/waveshare_epd"
  mkdir -p "$dir"
  for file in __init__.py epdconfig.py "$module.py"; do
    download "$WAVESHARE_LIB/$file" "$dir/$file" || die "could not download $file from Waveshare's repository (is $module a module of its waveshare_epd package?)"
  done
}

waveshare_installed() {
  local module
  module=$(waveshare_module)
  if [ "$module" = epd13in3e ]; then [ -f "$PREFIX/lib/waveshare_epd13in3e/epd13in3E.py" ]; else [ -f "$PREFIX/lib/waveshare_epd/$module.py" ]; fi
}

detect_backend() {
  if "$PREFIX/venv/bin/python3" -c 'from inky.auto import auto; auto()' >/dev/null 2>&1; then
    echo inky
  elif [ "$assume_yes" = 1 ] || ! { : </dev/tty; } 2>/dev/null; then
    echo ""
  else
    # Asked on the terminal, also when this script itself arrives through a pipe (curl … | sudo sh).
    local answer
    read -r -p "No Inky board answered on I2C. Which panel is attached? [1] Inky Impression  [2] Waveshare 7.5\" V2  [or a Waveshare module, e.g. epd7in3f]: " answer </dev/tty >/dev/tty
    case "$answer" in 1) echo inky ;; 2) echo waveshare ;; epd*) echo "waveshare:$answer" ;; *) echo "" ;; esac
  fi
}

create_user() {
  id -u "$SERVICE_USER" >/dev/null 2>&1 || useradd --system --home-dir "$STATE_DIR" --no-create-home --shell /usr/sbin/nologin "$SERVICE_USER"
  local group
  for group in spi gpio i2c; do
    # `if`, not `&&`: a missing group (no i2c on this system) must not end the function with a failure under set -e.
    if getent group "$group" >/dev/null; then usermod -aG "$group" "$SERVICE_USER"; fi
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
  mkdir -p "$UNIT_DIR"
  install -m 644 "$HERE/inkstand-frame.service" "$UNIT_DIR/$SERVICE.service"
  local dropin="$UNIT_DIR/$SERVICE.service.d"
  mkdir -p "$dropin"
  local line="$BIN --state-dir $STATE_DIR" arg
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
  waveshare|waveshare:*) install_waveshare ;;
  file:*|command:*) ;;
  *) die "unknown backend $backend: inky, waveshare, waveshare:MODULE, file:DIR or command:CMD" ;;
esac
[ "$backend" = inky ] && free_chip_select
case "$backend" in waveshare|waveshare:*) waveshare_installed || install_waveshare ;; esac
create_user
install_service

if [ "$reboot_needed" = 1 ]; then
  say "SPI/I2C settings changed: reboot to start the frame (sudo reboot). It starts by itself from now on."
else
  systemctl restart "$SERVICE"
  say "The frame is running. Its log: journalctl -u $SERVICE -f"
fi
say "Approve it in Inkstand (Displays) when its pairing picture appears."
