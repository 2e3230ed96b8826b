const SEPARATED = /^([0-9a-f]{2})([:-])([0-9a-f]{2})\2([0-9a-f]{2})\2([0-9a-f]{2})\2([0-9a-f]{2})\2([0-9a-f]{2})$/;
const BARE = /^([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/;
const PREFIX = 'trmnl:';

/**
 * The MAC address a TRMNL client sends in its `ID` header (`AA:BB:CC:DD:EE:FF`; dashes or bare hex
 * are accepted too, as people type them into trmnl-display's config), as `aa:bb:cc:dd:ee:ff`, or
 * null when the header is missing or is not a MAC address.
 */
export function normalizeMac(value: string | undefined): string | null {
  const text = value?.trim().toLowerCase() ?? '';
  if (text.length > 17) return null;
  const match = SEPARATED.exec(text) ?? BARE.exec(text);
  if (!match) return null;
  const octets = match.slice(1).filter((part) => part.length === 2);
  return octets.join(':');
}

/** TRMNL displays are stored under `trmnl:<mac>`, so a MAC never collides with a native frame's hardware id. */
export function trmnlHardwareId(mac: string): string {
  return PREFIX + mac;
}

/** The MAC address of a TRMNL display, upper case as TRMNL shows it, or null for other displays. */
export function macAddressOf(hardwareId: string): string | null {
  return hardwareId.startsWith(PREFIX) ? hardwareId.slice(PREFIX.length).toUpperCase() : null;
}
