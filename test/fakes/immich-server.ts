import { createHash, randomUUID } from 'node:crypto';
import http from 'node:http';
import sharp from 'sharp';
import { listenOnLoopback } from './listen.ts';

export interface FakeAsset {
  id: string;
  originalFileName: string;
  bytes: Buffer;
  type: 'IMAGE' | 'VIDEO';
  description?: string;
}

export interface FakeImmich {
  url: string;
  apiKey: string;
  albumId: string;
  personId: string;
  /** The album's assets in order; tests add and remove. The person has the same assets. */
  assets: FakeAsset[];
  /** Bytes of originals served so far. */
  originalBytesServed: number;
  searchRequests: Record<string, unknown>[];
  /** Answers every request with this status when set. */
  failWith: number | null;
  close(): Promise<void>;
}

/** A small distinct JPEG: a gradient whose colours come from `seed`. */
export async function fakePhoto(seed: number, width = 64, height = 48): Promise<Buffer> {
  const pixels = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 3;
      pixels[i] = (seed * 37 + x * 3) % 256;
      pixels[i + 1] = (seed * 91 + y * 5) % 256;
      pixels[i + 2] = (seed * 13 + x + y) % 256;
    }
  }
  return sharp(pixels, { raw: { width, height, channels: 3 } }).jpeg({ quality: 80 }).toBuffer();
}

/**
 * Answers like an Immich server (v1.1xx API): `POST /api/search/metadata` with `albumIds` or
 * `personIds`, paged with `page`/`size` and `nextPage` as a string or null; `GET
 * /api/assets/{id}/original`; `x-api-key` auth with Immich's error body. `maxPageSize` lowers
 * Immich's page cap (1000) so a few assets exercise paging.
 */
export async function startFakeImmich(assetCount: number, options: { maxPageSize?: number } = {}): Promise<FakeImmich> {
  const maxPageSize = options.maxPageSize ?? 1000;
  const assets: FakeAsset[] = [];
  for (let i = 0; i < assetCount; i++) assets.push({ id: randomUUID(), originalFileName: `IMG_${1000 + i}.jpg`, bytes: await fakePhoto(i), type: 'IMAGE', description: i === 0 ? 'Beach at Sellin' : undefined });
  const fake: Omit<FakeImmich, 'url' | 'close'> = { apiKey: 'immich-key-0123456789', albumId: randomUUID(), personId: randomUUID(), assets, originalBytesServed: 0, searchRequests: [], failWith: null };
  const server = http.createServer((req, res) => {
    res.setHeader('connection', 'close'); // no pooled sockets: a stopped fake refuses the next request
    const json = (status: number, body: unknown) => res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(body));
    if (fake.failWith) return json(fake.failWith, { message: 'Internal server error', statusCode: fake.failWith });
    if (req.headers['x-api-key'] !== fake.apiKey) return json(401, { message: 'Invalid API key', error: 'Unauthorized', statusCode: 401 });
    const url = new URL(req.url ?? '/', 'http://fake');
    const original = /^\/api\/assets\/([^/]+)\/original$/.exec(url.pathname);
    if (req.method === 'GET' && original) {
      const asset = fake.assets.find((a) => a.id === original[1]);
      if (!asset) return json(400, { message: 'Not found or no asset.read access', statusCode: 400 });
      fake.originalBytesServed += asset.bytes.length;
      return res.writeHead(200, { 'content-type': 'image/jpeg', 'content-length': asset.bytes.length }).end(asset.bytes);
    }
    if (req.method === 'POST' && url.pathname === '/api/search/metadata') {
      let body = '';
      req.on('data', (chunk) => { body += chunk; });
      req.on('end', () => {
        const search = JSON.parse(body) as { albumIds?: string[]; personIds?: string[]; page?: number; size?: number; type?: string };
        fake.searchRequests.push(search);
        const matches = search.albumIds?.[0] === fake.albumId || search.personIds?.[0] === fake.personId;
        const all = (matches ? fake.assets : []).filter((a) => !search.type || a.type === search.type);
        const size = Math.min(search.size ?? 250, maxPageSize);
        const page = search.page ?? 1;
        const items = all.slice((page - 1) * size, page * size).map((a) => ({
          id: a.id, type: a.type, originalFileName: a.originalFileName, ownerId: 'owner-1', isTrashed: false, isFavorite: false,
          checksum: createHash('sha1').update(a.bytes).digest('base64'), fileCreatedAt: '2025-07-01T10:00:00.000Z',
          exifInfo: { description: a.description ?? '', artist: null },
        }));
        json(200, { albums: { total: 0, count: 0, items: [], facets: [] }, assets: { total: items.length, count: items.length, items, facets: [], nextPage: page * size < all.length ? String(page + 1) : null } });
      });
      return;
    }
    json(404, { message: `Cannot ${req.method} ${url.pathname}`, error: 'Not Found', statusCode: 404 });
  });
  const { origin, close } = await listenOnLoopback(server);
  return Object.assign(fake, { url: origin, close }) as FakeImmich;
}
