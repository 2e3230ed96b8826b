/** A page of a real browser that can show a piece of HTML and photograph it. */
export interface BrowserShot {
  /** The screenshot as an RGB(A) PNG of pixelWidth × pixelHeight. */
  png: Buffer;
  /** Where the page's pictures landed, in screenshot pixels (they are dithered; text is not). */
  pictures: { x: number; y: number; width: number; height: number }[];
}

export interface ShotRequest {
  /** A whole HTML document. */
  html: string;
  /** CSS pixels of the page. */
  cssWidth: number;
  cssHeight: number;
  /** Device pixels per CSS pixel. */
  scale: number;
}

/** A picture of a web page (the "web page" screen): what to load, how, and which part to keep. */
export interface PageShotRequest {
  url: string;
  /** CSS pixels of the window the page lays out in. */
  cssWidth: number;
  cssHeight: number;
  /** Device pixels per CSS pixel: the page's zoom. */
  scale: number;
  /** Sent with every request to the page's own origin (never to others: they often carry a token). */
  headers: Record<string, string>;
  /** Set for the page's origin before it loads. */
  cookies: Record<string, string>;
  /** Put in the page origin's localStorage before its scripts run (Home Assistant's `hassTokens`). */
  localStorage: Record<string, string>;
  /** A CSS selector to wait for (shadow DOM included) before the picture is taken. */
  waitFor: string | null;
  /** Milliseconds to wait after the page (and the selector) is there. */
  waitMs: number;
  /** The part of the window to keep, in CSS pixels; the whole window when null. */
  clip: { x: number; y: number; width: number; height: number } | null;
  /** How long loading and the selector wait may take, each. */
  timeoutMs: number;
}

/** Which browser draws recipes that need one: the desktop app's own Chromium, or a system Chromium. */
export interface MarkupBrowser {
  /** Shown in the UI: "the desktop app's Chromium", "Chromium at /usr/bin/chromium". */
  readonly label: string;
  shoot(request: ShotRequest): Promise<BrowserShot>;
  /** A PNG of a web page at the clip's size times the scale; rejects with what went wrong (an HTTP status, a selector that never came). */
  shootPage(request: PageShotRequest): Promise<Buffer>;
  close(): Promise<void>;
}

/** How long a page may take to load and run its scripts before it is photographed as it is. */
export const PAGE_SETTLE_LIMIT_MS = 5_000;

/** Runs in the page: the boxes of its pictures and canvases (charts are drawn on canvases or SVG, pictures are photos). */
export const PICTURE_BOXES_SCRIPT = `[...document.querySelectorAll('img')].map((el) => { const r = el.getBoundingClientRect(); return { x: r.x, y: r.y, width: r.width, height: r.height }; })`;

/** Runs in the page: resolves once it has loaded and drawn two more frames (scripts that draw on load have drawn). */
export const SETTLED_SCRIPT = `new Promise((resolve) => {
  const frames = () => requestAnimationFrame(() => requestAnimationFrame(() => resolve(true)));
  if (document.readyState === 'complete') frames(); else addEventListener('load', frames, { once: true });
})`;
