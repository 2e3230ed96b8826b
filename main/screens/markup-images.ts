/**
 * The remote pictures a page names (`<img src="https://…">`), fetched before it is drawn: the
 * markup drawing never goes to the network itself. Each picture is kept for a while, so redrawing a
 * page (every refresh, every display) fetches it once; one that cannot be had is drawn as an empty
 * box of its size. Limits keep a bad URL from holding a render up or filling memory.
 */
const MAX_PICTURES = 12;
const MAX_BYTES = 5 * 1024 * 1024;
const TIMEOUT_MS = 5000;
const KEEP_MS = 15 * 60_000;
const MAX_KEPT = 100;

const kept = new Map<string, { bytes: Uint8Array | null; at: number }>();

export function remotePictureUrls(html: string): string[] {
  const urls = new Set<string>();
  for (const match of html.matchAll(/<img\b[^>]*?\bsrc\s*=\s*(["'])(https?:\/\/[^"']+)\1/gi)) urls.add(match[2].replace(/&amp;/g, '&'));
  return [...urls].slice(0, MAX_PICTURES);
}

/** The bytes of each picture the page names that could be fetched, by its `src`. */
export async function fetchPictures(html: string, now = Date.now()): Promise<Record<string, Uint8Array>> {
  const found: Record<string, Uint8Array> = {};
  await Promise.all(remotePictureUrls(html).map(async (url) => {
    let entry = kept.get(url);
    if (!entry || now - entry.at > KEEP_MS) {
      entry = { bytes: await fetchPicture(url), at: now };
      if (kept.size >= MAX_KEPT) kept.delete(kept.keys().next().value!);
      kept.set(url, entry);
    }
    if (entry.bytes) found[url] = entry.bytes;
  }));
  return found;
}

async function fetchPicture(url: string): Promise<Uint8Array | null> {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(TIMEOUT_MS), redirect: 'follow' });
    if (!res.ok || !res.body || Number(res.headers.get('content-length') ?? 0) > MAX_BYTES) return null;
    const chunks: Uint8Array[] = [];
    let size = 0;
    for await (const chunk of res.body as AsyncIterable<Uint8Array>) {
      size += chunk.length;
      if (size > MAX_BYTES) return null;
      chunks.push(chunk);
    }
    return Buffer.concat(chunks);
  } catch {
    return null;
  }
}
