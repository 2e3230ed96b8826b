import { z } from 'zod';
import type { AppContext } from '../core/app-context.ts';
import { syncPictures, type SyncReport } from './picture-library.ts';
import { requestImage, requestJson, serviceUrl, SourceError } from './source-http.ts';

/**
 * The latest comic from xkcd's JSON API (`info.0.json`), or any comic site or mirror that answers
 * in the same format (num, title, img, alt, year/month/day).
 */
export const xkcdSettings = z.strictObject({
  base_url: z.url({ protocol: /^https?$/ }).default('https://xkcd.com'),
  credit: z.string().max(200).default('Randall Munroe, xkcd.com'),
  licence: z.string().max(200).default('CC BY-NC 2.5'),
});

export type XkcdSettings = z.infer<typeof xkcdSettings>;

interface ComicAnswer {
  num: number;
  title?: string;
  safe_title?: string;
  img: string;
  alt?: string;
}

export async function syncXkcd(app: AppContext, settings: XkcdSettings, signal?: AbortSignal): Promise<SyncReport & { alt: string }> {
  const label = `the comic at ${new URL(settings.base_url).host}`;
  const comic = await requestJson<ComicAnswer>(serviceUrl(settings.base_url, 'info.0.json'), { label, signal });
  if (typeof comic?.num !== 'number' || typeof comic.img !== 'string') throw new SourceError(`${label} answered without a comic number and image: is this an xkcd-style JSON API?`);
  const report = await syncPictures(app, `comic:${new URL(settings.base_url).host}`, [{
    externalId: String(comic.num),
    fileName: new URL(comic.img, settings.base_url).pathname.split('/').pop() || `comic-${comic.num}.png`,
    title: comic.safe_title || comic.title || `#${comic.num}`,
    credit: settings.credit,
    licence: settings.licence,
    link: serviceUrl(settings.base_url, `${comic.num}/`),
  }], { removeMissing: false, signal, fetchOriginal: () => requestImage(new URL(comic.img, settings.base_url).toString(), { label, signal }) });
  return { ...report, alt: comic.alt ?? '' };
}
