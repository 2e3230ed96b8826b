import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { listenOnLoopback } from './listen.ts';

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'calendar');

export interface FakeIcsServer {
  url: string;
  /** Serves a fixture file from test/fixtures/calendar (e.g. "corpus/rdate.ics") at the path, as text/calendar unless told. */
  serveFixture(urlPath: string, fixture: string, contentType?: string): void;
  /** Answers the path with this status and body instead. */
  answer(urlPath: string, status: number, body: string, contentType?: string): void;
  requests: string[];
  close(): Promise<void>;
}

/** Serves ICS feeds the way calendar providers do (text/calendar, CRLF lines), each path switchable between fixtures and failures. */
export async function startFakeIcsServer(): Promise<FakeIcsServer> {
  const routes = new Map<string, { status: number; body: string; contentType: string }>();
  const requests: string[] = [];
  const server = http.createServer((req, res) => {
    res.setHeader('connection', 'close'); // no pooled sockets: a stopped fake refuses the next request
    const urlPath = new URL(req.url ?? '/', 'http://fake').pathname;
    requests.push(urlPath);
    const route = routes.get(urlPath) ?? { status: 404, body: 'Not Found', contentType: 'text/plain' };
    res.writeHead(route.status, { 'content-type': route.contentType }).end(route.body);
  });
  const { origin, close } = await listenOnLoopback(server);
  return {
    url: origin,
    serveFixture(urlPath, fixture, contentType = 'text/calendar; charset=utf-8') {
      routes.set(urlPath, { status: 200, body: fs.readFileSync(path.join(fixtures, fixture), 'utf8'), contentType });
    },
    answer(urlPath, status, body, contentType = 'text/html') {
      routes.set(urlPath, { status, body, contentType });
    },
    requests,
    close,
  };
}
