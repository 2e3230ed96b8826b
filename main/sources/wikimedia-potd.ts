import { z } from 'zod';
import type { AppContext } from '../core/app-context.ts';
import { syncPictures, type SyncReport } from './picture-library.ts';
import { requestImage, requestJson, serviceUrl, SourceError } from './source-http.ts';

/** Wikimedia Commons' picture of the day, from Wikipedia's featured-content feed (`feed/featured/YYYY/MM/DD`). */
export const wikimediaPotdSettings = z.strictObject({
  base_url: z.url({ protocol: /^https?$/ }).default('https://en.wikipedia.org/api/rest_v1'),
});

export type WikimediaPotdSettings = z.infer<typeof wikimediaPotdSettings>;

interface FeaturedAnswer {
  image?: {
    title: string;
    thumbnail?: { source: string };
    image?: { source: string };
    file_page?: string;
    artist?: { text?: string; name?: string };
    credit?: { text?: string };
    license?: { type?: string; code?: string };
    description?: { text?: string };
  };
}

/** The picture of `date` (YYYY-MM-DD, the display's day) into the library; earlier days stay. */
export async function syncWikimediaPotd(app: AppContext, settings: WikimediaPotdSettings, date: string, signal?: AbortSignal): Promise<SyncReport> {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new SourceError(`"${date}" is not a date (YYYY-MM-DD)`);
  const label = `Wikimedia at ${new URL(settings.base_url).host}`;
  const answer = await requestJson<FeaturedAnswer>(serviceUrl(settings.base_url, `feed/featured/${date.replaceAll('-', '/')}`), { label, signal });
  const image = answer?.image;
  const source = image?.image?.source ?? image?.thumbnail?.source;
  if (!image || !source) throw new SourceError(`${label} has no picture of the day for ${date}`);
  const author = plain(image.artist?.text ?? image.artist?.name);
  return syncPictures(app, 'wikimedia-potd', [{
    externalId: date,
    fileName: image.title.replace(/^File:/, ''),
    title: plain(image.description?.text) || image.title.replace(/^File:|\.\w+$/g, ''),
    credit: author ? `${author} / Wikimedia Commons` : 'Wikimedia Commons',
    licence: image.license?.type ?? null,
    link: image.file_page ?? null,
  }], { removeMissing: false, signal, fetchOriginal: () => requestImage(source, { label, signal }) });
}

/** Wikimedia's text fields still carry line breaks and runs of spaces from the HTML they came from. */
function plain(text: string | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim().slice(0, 500);
}
