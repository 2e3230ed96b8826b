import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { AppContext } from '../core/app-context.ts';
import { syncPictures, type SyncReport } from './picture-library.ts';
import { requestImage } from './source-http.ts';

/** "Image from a URL": a webcam still, a weather map, a chart another service renders; fetched on the screen's schedule. */
export const imageUrlSettings = z.strictObject({
  url: z.url({ protocol: /^https?$/ }),
  credit: z.string().max(200).optional(),
  licence: z.string().max(200).optional(),
});

export type ImageUrlSettings = z.infer<typeof imageUrlSettings>;

/** The source key of one URL: its hash, so a URL carrying a key never lands in the database's plain text twice. */
export function imageUrlSourceKey(url: string): string {
  return `url:${createHash('sha256').update(url).digest('hex').slice(0, 32)}`;
}

/** Fetches the image; a changed picture replaces the one the URL brought before (one library photo per URL). */
export async function syncImageUrl(app: AppContext, settings: ImageUrlSettings, signal?: AbortSignal): Promise<SyncReport> {
  const url = new URL(settings.url);
  const label = `the image at ${url.host}`;
  const bytes = await requestImage(settings.url, { label, signal });
  const report = await syncPictures(app, imageUrlSourceKey(settings.url), [{
    externalId: 'current',
    checksum: createHash('sha256').update(bytes).digest('hex'),
    fileName: url.pathname.split('/').pop() || 'image',
    title: url.host,
    credit: settings.credit ?? url.host,
    licence: settings.licence ?? null,
    link: `${url.origin}${url.pathname}`,
  }], { removeMissing: true, signal, fetchOriginal: async () => bytes });
  return report;
}
