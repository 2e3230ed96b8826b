import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { listenOnLoopback } from './listen.ts';

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'weather');

/** How the fake answers the forecast endpoint. */
export type OpenMeteoMode = 'ok' | 'refuse' | 'html' | 'wrong-shape' | 'hang';

export interface FakeOpenMeteo {
  /** Base URL, usable as both `weather.base_url` and `weather.geocoding_url`. */
  url: string;
  mode: OpenMeteoMode;
  requests: URL[];
  close(): Promise<void>;
}

/**
 * Answers like api.open-meteo.com (/v1/forecast) and geocoding-api.open-meteo.com (/v1/search)
 * on 127.0.0.1, with recorded-looking JSON from test/fixtures/weather.
 */
export async function startFakeOpenMeteo(): Promise<FakeOpenMeteo> {
  const forecast = fs.readFileSync(path.join(fixtures, 'open-meteo-forecast-berlin.json'), 'utf8');
  const geocoding = fs.readFileSync(path.join(fixtures, 'open-meteo-geocoding-berlin.json'), 'utf8');
  const fake = { mode: 'ok' as OpenMeteoMode, requests: [] as URL[] };
  const server = http.createServer((req, res) => {
    res.setHeader('connection', 'close'); // no pooled sockets: a stopped fake refuses the next request
    const url = new URL(req.url ?? '/', 'http://fake');
    fake.requests.push(url);
    const json = (status: number, body: string) => res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' }).end(body);
    if (url.pathname === '/v1/search') {
      return json(200, url.searchParams.get('name')?.toLowerCase() === 'berlin' ? geocoding : '{"generationtime_ms":0.31101704}');
    }
    if (url.pathname !== '/v1/forecast') return json(404, '{"error":true,"reason":"Not Found"}');
    switch (fake.mode) {
      case 'ok': return json(200, forecast);
      case 'refuse': return json(400, '{"error":true,"reason":"Latitude must be in range of -90 to 90°. Given: 100.0."}');
      case 'html': return res.writeHead(200, { 'content-type': 'text/html' }).end('<html><body><h1>502 Bad Gateway</h1></body></html>');
      case 'wrong-shape': return json(200, '{"latitude":52.52,"longitude":13.42,"daily":{"time":"today"}}');
      case 'hang': return; // never answers
    }
  });
  const { origin, close } = await listenOnLoopback(server);
  return Object.assign(fake, {
    url: origin,
    close,
  });
}
