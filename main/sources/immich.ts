import { z } from 'zod';
import type { AppContext } from '../core/app-context.ts';
import { syncPictures, type PictureListing, type SyncReport } from './picture-library.ts';
import { requestBytes, requestJson, serviceUrl, SourceError } from './source-http.ts';

/**
 * An Immich album or person mirrored into the photo library, with plain fetch against Immich's
 * documented API (`POST /api/search/metadata` with `albumIds` or `personIds`, paged; `GET
 * /api/assets/{id}/original`; `x-api-key`). Plain fetch rather than @immich/sdk: three calls,
 * and the SDK is generated per Immich release while a household's server is whatever version it is.
 */
export const immichSettings = z.strictObject({
  base_url: z.url({ protocol: /^https?$/ }).describe('Immich server, e.g. http://192.168.1.5:2283'),
  api_key: z.string().min(10, 'an Immich API key (Account settings → API keys)').max(200),
  album_id: z.uuid().optional(),
  person_id: z.uuid().optional(),
}).refine((s) => Boolean(s.album_id) !== Boolean(s.person_id), { message: 'choose either an album or a person' });

export type ImmichSettings = z.infer<typeof immichSettings>;

interface ImmichAsset {
  id: string;
  type: string;
  originalFileName: string;
  checksum: string;
  isTrashed?: boolean;
  exifInfo?: { description?: string | null; artist?: string | null } | null;
  ownerId?: string;
}

interface SearchAnswer {
  assets: { items: ImmichAsset[]; nextPage: string | null; total: number };
}

/** Immich caps a page at 1000. */
const PAGE_SIZE = 1000;
const MAX_ORIGINAL_BYTES = 100_000_000;

export function immichSourceKey(settings: ImmichSettings): string {
  return settings.album_id ? `immich:album:${settings.album_id}` : `immich:person:${settings.person_id}`;
}

/** Every image of the album or person, page by page (videos are left out). */
export async function listImmichAssets(settings: ImmichSettings, signal?: AbortSignal): Promise<ImmichAsset[]> {
  const label = `Immich at ${new URL(settings.base_url).host}`;
  const assets: ImmichAsset[] = [];
  let page: string | null = '1';
  for (let guard = 0; page !== null; guard++) {
    if (guard > 10_000) throw new SourceError(`${label} kept answering with a next page`);
    const answer: SearchAnswer = await requestJson<SearchAnswer>(serviceUrl(settings.base_url, 'api/search/metadata'), {
      label, method: 'POST', signal, headers: { 'x-api-key': settings.api_key },
      json: { ...(settings.album_id ? { albumIds: [settings.album_id] } : { personIds: [settings.person_id] }), type: 'IMAGE', page: Number(page), size: PAGE_SIZE, withExif: true },
    });
    if (!answer?.assets || !Array.isArray(answer.assets.items)) throw new SourceError(`${label} answered a search without an asset list: is this an Immich server?`);
    assets.push(...answer.assets.items.filter((a) => a.type === 'IMAGE' && !a.isTrashed));
    page = answer.assets.nextPage;
  }
  return assets;
}

/** Mirrors the album or person into the library: new images come in, removed ones go, originals are fetched once. */
export async function syncImmich(app: AppContext, settings: ImmichSettings, signal?: AbortSignal): Promise<SyncReport> {
  const label = `Immich at ${new URL(settings.base_url).host}`;
  const assets = await listImmichAssets(settings, signal);
  const listing: PictureListing[] = assets.map((asset) => ({
    externalId: asset.id,
    checksum: asset.checksum,
    fileName: asset.originalFileName,
    title: asset.exifInfo?.description || null,
    credit: asset.exifInfo?.artist || null,
    link: serviceUrl(settings.base_url, `photos/${asset.id}`),
  }));
  return syncPictures(app, immichSourceKey(settings), listing, {
    removeMissing: true,
    signal,
    fetchOriginal: async (item) => (await requestBytes(serviceUrl(settings.base_url, `api/assets/${encodeURIComponent(item.externalId)}/original`), {
      label, signal, headers: { 'x-api-key': settings.api_key, accept: 'application/octet-stream' }, maxBytes: MAX_ORIGINAL_BYTES, timeoutMs: 120_000,
    })).body,
  });
}
