import http from 'node:http';
import { fakePhoto } from './immich-server.ts';
import { listenOnLoopback } from './listen.ts';

export interface FakePictureServices {
  url: string;
  /** Answers every request with this status when set. */
  failWith: number | null;
  /** What the APOD endpoint calls today. */
  apodDay: { date: string; media_type: 'image' | 'video'; copyright?: string };
  /** The image /cam/latest.jpg serves (a webcam that changes). */
  webcamSeed: number;
  requests: string[];
  close(): Promise<void>;
}

/**
 * On one loopback port, answers in the documented formats of NASA's APOD API
 * (`/planetary/apod`), Wikipedia's featured feed (`/feed/featured/YYYY/MM/DD`), xkcd's JSON
 * (`/info.0.json`), and serves the images they point at, plus a webcam still and a login page.
 */
export async function startFakePictureServices(): Promise<FakePictureServices> {
  const images = new Map<string, Buffer>([
    ['/image/2025/10/NGC7000_Hubble.jpg', await fakePhoto(1, 96, 64)],
    ['/image/2025/10/NGC7000_small.jpg', await fakePhoto(2, 48, 32)],
    ['/vi/abc/0.jpg', await fakePhoto(3)],
    ['/wikipedia/commons/a/a1/Heron_at_dawn.jpg', await fakePhoto(4, 80, 60)],
    ['/comics/standards.png', await fakePhoto(5, 60, 60)],
  ]);
  const fake = { failWith: null as number | null, apodDay: { date: '2025-10-15', media_type: 'image' as 'image' | 'video', copyright: '\nJane Doe\n' as string | undefined }, webcamSeed: 10, requests: [] as string[] };
  let origin = '';
  const server = http.createServer(async (req, res) => {
    res.setHeader('connection', 'close');
    const url = new URL(req.url ?? '/', 'http://fake');
    fake.requests.push(url.pathname);
    const json = (status: number, body: unknown) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    if (fake.failWith) return json(fake.failWith, { error: { code: 'OVER_RATE_LIMIT', message: 'You have exceeded your rate limit.' } });
    const image = images.get(url.pathname);
    if (image) return res.writeHead(200, { 'content-type': url.pathname.endsWith('.png') ? 'image/png' : 'image/jpeg' }).end(image);
    if (url.pathname === '/cam/latest.jpg') return res.writeHead(200, { 'content-type': 'image/jpeg' }).end(await fakePhoto(fake.webcamSeed));
    if (url.pathname === '/cam/login') return res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end('<html><body>Please sign in</body></html>');
    if (url.pathname === '/planetary/apod') {
      if (!url.searchParams.get('api_key')) return json(403, { error: { code: 'API_KEY_MISSING', message: 'No api_key was supplied.' } });
      const day = fake.apodDay;
      return json(200, day.media_type === 'image'
        ? { date: day.date, title: 'The North America Nebula', explanation: 'Cosmic clouds…', media_type: 'image', service_version: 'v1', url: `${origin}/image/2025/10/NGC7000_small.jpg`, hdurl: `${origin}/image/2025/10/NGC7000_Hubble.jpg`, ...(day.copyright ? { copyright: day.copyright } : {}) }
        : { date: day.date, title: 'Aurora Timelapse', explanation: '…', media_type: 'video', service_version: 'v1', url: 'https://www.youtube.com/embed/abc', thumbnail_url: `${origin}/vi/abc/0.jpg` });
    }
    const featured = /^\/feed\/featured\/(\d{4})\/(\d{2})\/(\d{2})$/.exec(url.pathname);
    if (featured) {
      if (featured[1] === '1999') return json(404, { type: 'https://mediawiki.org/wiki/HyperSwitch/errors/not_found', title: 'Not found.', method: 'get', uri: url.pathname });
      return json(200, {
        tfa: { title: 'Some_article' },
        image: {
          title: 'File:Heron at dawn.jpg',
          thumbnail: { source: `${origin}/wikipedia/commons/thumb/a/a1/Heron_at_dawn.jpg/640px-Heron_at_dawn.jpg`, width: 640, height: 480 },
          image: { source: `${origin}/wikipedia/commons/a/a1/Heron_at_dawn.jpg`, width: 80, height: 60 },
          file_page: 'https://commons.wikimedia.org/wiki/File:Heron_at_dawn.jpg',
          artist: { html: '<a href="//commons.wikimedia.org/wiki/User:Birder">Birder</a>', text: 'Birder\n' },
          credit: { html: 'Own work', text: 'Own work' },
          license: { type: 'CC BY-SA 4.0', code: 'cc-by-sa-4.0', url: 'https://creativecommons.org/licenses/by-sa/4.0' },
          description: { html: 'A grey heron <i>(Ardea cinerea)</i> at dawn', text: 'A grey heron  (Ardea cinerea)\nat dawn', lang: 'en' },
        },
      });
    }
    if (url.pathname === '/info.0.json') {
      return json(200, { month: '10', num: 927, link: '', year: '2011', news: '', safe_title: 'Standards', transcript: '', alt: 'Fortunately, the charging one has been solved now that we\'ve all standardized on mini-USB.', img: `${origin}/comics/standards.png`, title: 'Standards', day: '10' });
    }
    json(404, { message: 'not found' });
  });
  const listening = await listenOnLoopback(server);
  origin = listening.origin;
  return Object.assign(fake, { url: origin, close: listening.close });
}
