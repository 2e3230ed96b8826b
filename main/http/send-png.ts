import fs from 'node:fs';
import type { Response } from 'express';

/**
 * Answers a PNG file, read off the event loop (a few hundred frames fetching at once must not stall
 * the polls between them). Panel images are tens of kilobytes, so one read beats a stream's setup.
 */
export async function sendPngFile(res: Response, filePath: string, headers: { cacheControl: string; etag?: string }): Promise<void> {
  const data = await fs.promises.readFile(filePath);
  res.status(200).set('Content-Type', 'image/png').set('Content-Length', String(data.length)).set('Cache-Control', headers.cacheControl);
  if (headers.etag) res.set('ETag', headers.etag);
  res.end(data);
}
