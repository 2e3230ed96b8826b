/** What the served installer needs to know about this server, taken from the request it answers. */
export interface InstallTarget {
  /** http://<address the request came in on>:<http port>, where the tarball is fetched from. */
  httpBase: string;
  /** https://<same address>:<https port>, the server the frame is configured with and pins. */
  httpsBase: string;
  fingerprint: string;
  version: string;
  sha256: string;
}

/** Single-quoted for sh; the values are ours (URLs, hex), but quoting keeps the script correct whatever they hold. */
const shQuote = (value: string) => `'${value.replaceAll("'", `'"'"'`)}'`;

/**
 * `GET /frame/install.sh`: a POSIX sh script (it is piped into `sudo sh`, which is dash on Raspberry
 * Pi OS) that downloads this server's frame program, checks it against the checksum written here,
 * and runs its install.sh with this server's https URL and certificate fingerprint, so the frame
 * pins the server from its first request and needs no discovery. Extra arguments reach install.sh:
 * `curl … | sudo sh -s -- --backend waveshare:epd7in3f`. Run again, it upgrades in place.
 */
export function renderInstaller(target: InstallTarget): string {
  return `#!/bin/sh
# Installs (or upgrades) the Inkstand frame program ${target.version} from the Inkstand server at ${target.httpBase}.
#   curl -fsSL ${target.httpBase}/frame/install.sh | sudo sh
#   curl -fsSL ${target.httpBase}/frame/install.sh | sudo sh -s -- --backend waveshare:epd7in3f
# The frame is set up to talk to ${target.httpsBase} and to trust only the certificate
# ${target.fingerprint} (compare it with the one on the app's "Add a frame" page).
set -eu
SERVER_HTTP=${shQuote(target.httpBase)}
SERVER_URL=${shQuote(target.httpsBase)}
FINGERPRINT=${shQuote(target.fingerprint)}
TARBALL_SHA256=${shQuote(target.sha256)}

fail() { echo "inkstand frame installer: $*" >&2; exit 1; }
[ "$(id -u)" -eq 0 ] || fail "run it as root: curl -fsSL $SERVER_HTTP/frame/install.sh | sudo sh"
command -v bash >/dev/null || fail "needs bash (Raspberry Pi OS has it)"
command -v curl >/dev/null || fail "needs curl: sudo apt-get install curl"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT INT TERM
echo "Installing the Inkstand frame for the server at $SERVER_URL"
echo "It will trust only the certificate $FINGERPRINT: compare it with the one on the app's Add a frame page."
echo "Downloading the frame program from $SERVER_HTTP"
curl -fsSL "$SERVER_HTTP/frame/inkstand-frame.tar.gz" -o "$work/inkstand-frame.tar.gz" || fail "could not download $SERVER_HTTP/frame/inkstand-frame.tar.gz"
echo "$TARBALL_SHA256  $work/inkstand-frame.tar.gz" | sha256sum -c - >/dev/null 2>&1 || fail "the download does not match its checksum (was the server upgraded meanwhile? run this again)"
tar -xzf "$work/inkstand-frame.tar.gz" -C "$work"
bash "$work/frame/install.sh" --server "$SERVER_URL" --fingerprint "$FINGERPRINT" "$@"
`;
}
