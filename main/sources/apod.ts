import { z } from 'zod';
import type { AppContext } from '../core/app-context.ts';
import { syncPictures, type SyncReport } from './picture-library.ts';
import { requestImage, requestJson, serviceUrl, SourceError } from './source-http.ts';

/** NASA's Astronomy Picture of the Day (api.nasa.gov `planetary/apod`). DEMO_KEY works for a few calls an hour. */
export const apodSettings = z.strictObject({
  base_url: z.url({ protocol: /^https?$/ }).default('https://api.nasa.gov'),
  api_key: z.string().min(1).max(200).default('DEMO_KEY'),
});

export type ApodSettings = z.infer<typeof apodSettings>;

interface ApodAnswer {
  date: string;
  title: string;
  explanation?: string;
  url?: string;
  hdurl?: string;
  media_type: string;
  copyright?: string;
  thumbnail_url?: string;
}

/** Today's picture into the library (earlier days stay). A video day brings its thumbnail, or nothing when there is none. */
export async function syncApod(app: AppContext, settings: ApodSettings, signal?: AbortSignal): Promise<SyncReport> {
  const label = `NASA APOD at ${new URL(settings.base_url).host}`;
  const day = await requestJson<ApodAnswer>(serviceUrl(settings.base_url, 'planetary/apod', { api_key: settings.api_key, thumbs: 'true' }), { label, signal });
  if (typeof day?.date !== 'string' || typeof day.title !== 'string') throw new SourceError(`${label} answered without a date and title: is this the APOD API?`);
  const imageUrl = day.media_type === 'image' ? (day.hdurl ?? day.url) : day.thumbnail_url;
  if (!imageUrl) throw new SourceError(`today's APOD ("${day.title}") is a ${day.media_type} without a picture`);
  const copyright = day.copyright?.replace(/\s+/g, ' ').trim();
  return syncPictures(app, 'apod', [{
    externalId: day.date,
    fileName: `apod-${day.date}${extensionOf(imageUrl)}`,
    title: day.title,
    credit: copyright ? `© ${copyright}` : 'NASA',
    licence: copyright ? 'copyrighted: shown by permission on APOD' : 'public domain (NASA)',
    link: `https://apod.nasa.gov/apod/ap${day.date.slice(2).replaceAll('-', '')}.html`,
  }], { removeMissing: false, signal, fetchOriginal: () => requestImage(new URL(imageUrl, settings.base_url).toString(), { label, signal }) });
}

function extensionOf(url: string): string {
  return /\.(jpe?g|png|gif|webp)$/i.exec(new URL(url, 'http://x').pathname)?.[0].toLowerCase() ?? '.jpg';
}
