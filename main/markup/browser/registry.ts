import { findSystemChromium, SystemChromium } from './system-chromium.ts';
import type { MarkupBrowser } from './types.ts';

let chosen: MarkupBrowser | null | undefined;

/**
 * The browser recipes with scripts are drawn in: the one the desktop app handed in (its own
 * Chromium), else a system Chromium or Chrome if this machine has one, else none.
 */
export function markupBrowser(): MarkupBrowser | undefined {
  if (chosen === undefined) {
    const executablePath = findSystemChromium();
    chosen = executablePath ? new SystemChromium({ executablePath, allowNetwork: true }) : null;
  }
  return chosen ?? undefined;
}

/** Use this browser from now on (the desktop app's offscreen Chromium; a test's own); null for none. The previous one is closed. */
export async function setMarkupBrowser(browser: MarkupBrowser | null): Promise<void> {
  const previous = chosen;
  chosen = browser;
  if (previous && previous !== browser) await previous.close();
}

/** Closes the browser if one is running (server stop). The next recipe that needs one starts it again. */
export async function closeMarkupBrowser(): Promise<void> {
  await chosen?.close();
}
