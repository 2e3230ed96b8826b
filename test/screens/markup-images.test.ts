import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchPictures, remotePictureUrls } from '../../main/screens/markup-images.ts';

describe('pictures a page names', () => {
  let base: string;
  const hits: string[] = [];
  const server = http.createServer((req, res) => {
    hits.push(req.url!);
    if (req.url === '/cat.png') return void res.writeHead(200, { 'content-type': 'image/png' }).end(Buffer.from([137, 80, 78, 71]));
    if (req.url === '/huge.png') return void res.writeHead(200, { 'content-type': 'image/png' }).end(Buffer.alloc(6 * 1024 * 1024));
    res.writeHead(404).end();
  });
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('finds remote img sources, not data URIs', () => {
    expect(remotePictureUrls(`<img class="image" src="${base}/cat.png?a=1&amp;b=2"><img src="data:image/png;base64,AAAA"><img src='${base}/x.png'>`))
      .toEqual([`${base}/cat.png?a=1&b=2`, `${base}/x.png`]);
  });

  it('fetches each picture once, leaving out what is missing or too large', async () => {
    const html = `<img src="${base}/cat.png"><img src="${base}/missing.png"><img src="${base}/huge.png">`;
    const first = await fetchPictures(html);
    expect(Object.keys(first)).toEqual([`${base}/cat.png`]);
    expect([...first[`${base}/cat.png`]]).toEqual([137, 80, 78, 71]);
    await fetchPictures(html);
    expect(hits.filter((h) => h === '/cat.png')).toHaveLength(1);
  });
});
