import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { listenOnLoopback } from './listen.ts';

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'weather');

export interface FakeOpenWeatherMap {
  url: string;
  /** The only appid the fake accepts. */
  apiKey: string;
  requests: URL[];
  close(): Promise<void>;
}

/** Answers like api.openweathermap.org's One Call 3.0 (/data/3.0/onecall), refusing other keys with 401 as the real one does. */
export async function startFakeOpenWeatherMap(apiKey = 'test-key-0123456789abcdef'): Promise<FakeOpenWeatherMap> {
  const onecall = fs.readFileSync(path.join(fixtures, 'openweathermap-onecall-berlin.json'), 'utf8');
  const requests: URL[] = [];
  const server = http.createServer((req, res) => {
    res.setHeader('connection', 'close'); // no pooled sockets: a stopped fake refuses the next request
    const url = new URL(req.url ?? '/', 'http://fake');
    requests.push(url);
    const json = (status: number, body: string) => res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' }).end(body);
    if (url.pathname !== '/data/3.0/onecall') return json(404, '{"cod":"404","message":"Internal error"}');
    if (url.searchParams.get('appid') !== apiKey) {
      return json(401, '{"cod":401, "message": "Invalid API key. Please see https://openweathermap.org/faq#error401 for more info."}');
    }
    return json(200, onecall);
  });
  const { origin, close } = await listenOnLoopback(server);
  return {
    url: origin,
    apiKey,
    requests,
    close,
  };
}
