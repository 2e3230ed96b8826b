/**
 * The remote pictures a page names (`<img src="https://…">`) and fetching one within limits: a
 * bad URL can neither hold a data refresh up nor fill the disk. Screens fetch them when their data
 * refreshes (screen-pictures.ts); drawing never goes to the network.
 */
export const PICTURE_LIMITS = { maxPictures: 12, maxBytes: 5 * 1024 * 1024, timeoutMs: 5000 };

export function remotePictureUrls(html: string): string[] {
  const urls = new Set<string>();
  for (const match of html.matchAll(/<img\b[^>]*?\bsrc\s*=\s*(["'])(https?:\/\/[^"']+)\1/gi)) urls.add(match[2].replace(/&amp;/g, '&'));
  return [...urls].slice(0, PICTURE_LIMITS.maxPictures);
}

/** The picture's bytes, or null when it cannot be had within the limits. */
export async function fetchPicture(url: string, limits = PICTURE_LIMITS): Promise<Uint8Array | null> {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(limits.timeoutMs), redirect: 'follow' });
    if (!res.ok || !res.body || Number(res.headers.get('content-length') ?? 0) > limits.maxBytes) return null;
    const chunks: Uint8Array[] = [];
    let size = 0;
    for await (const chunk of res.body as AsyncIterable<Uint8Array>) {
      size += chunk.length;
      if (size > limits.maxBytes) return null;
      chunks.push(chunk);
    }
    return Buffer.concat(chunks);
  } catch {
    return null;
  }
}
