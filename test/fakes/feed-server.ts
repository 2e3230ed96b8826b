import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { listenOnLoopback } from './listen.ts';

const fixtures = path.join(import.meta.dirname, '..', 'fixtures', 'feeds');

export interface FakeFeedServer {
  url: string;
  /** Serves test/fixtures/feeds/<file> at `route` with this Content-Type (what real servers send, right or wrong). */
  serve(route: string, file: string, contentType: string): void;
  answer(route: string, status: number, body: string, contentType?: string): void;
  close(): Promise<void>;
}

/** A web server for feeds on 127.0.0.1: the bytes of the fixture files, unchanged. */
export async function startFakeFeedServer(): Promise<FakeFeedServer> {
  const routes = new Map<string, { status: number; body: Buffer; contentType: string }>();
  const server = http.createServer((req, res) => {
    res.setHeader('connection', 'close');
    const route = routes.get(new URL(req.url ?? '/', 'http://fake').pathname);
    if (!route) return res.writeHead(404, { 'content-type': 'text/html' }).end('<h1>Not Found</h1>');
    res.writeHead(route.status, { 'content-type': route.contentType }).end(route.body);
  });
  const { origin, close } = await listenOnLoopback(server);
  return {
    url: origin,
    serve: (route, file, contentType) => routes.set(route, { status: 200, body: fs.readFileSync(path.join(fixtures, file)), contentType }),
    answer: (route, status, body, contentType = 'text/html') => routes.set(route, { status, body: Buffer.from(body), contentType }),
    close,
  };
}
