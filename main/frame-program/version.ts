const FRAME_FIRMWARE = /^inkstand-frame\/(\d+)\.(\d+)\.(\d+)/;

/**
 * Whether a display's reported firmware is the Inkstand frame program in a version older than the
 * one this server hands out. Null when it is not the frame program (a TRMNL device, a custom client)
 * or either side is unknown: there is then nothing to compare.
 */
export function frameProgramOutdated(firmware: string | null, serverVersion: string | null): boolean | null {
  const reported = firmware?.match(FRAME_FIRMWARE);
  const offered = serverVersion ? `inkstand-frame/${serverVersion}`.match(FRAME_FIRMWARE) : null;
  if (!reported || !offered) return null;
  for (let i = 1; i <= 3; i++) {
    const difference = Number(reported[i]) - Number(offered[i]);
    if (difference !== 0) return difference < 0;
  }
  return false;
}
