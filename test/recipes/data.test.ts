/** Polling against loopback servers: answer shapes, several URLs, and answers that must be refused. */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { fetchRecipeData } from '../../main/recipes/data/fetch-recipe-data.ts';
import { limitedFetch } from '../../main/recipes/data/limited-fetch.ts';
import { RecipeError } from '../../main/recipes/errors.ts';
import { RubyFloat } from '../../main/recipes/liquid/ruby-float.ts';
import { parseSettings } from '../../main/recipes/settings.ts';
import type { Recipe } from '../../main/recipes/types.ts';

const context = { timeZone: 'UTC', locale: 'en', now: new Date('2025-01-01T00:00:00Z'), device: { width: 800, height: 480 } };
const limits = { maxBytes: 1024 * 1024, timeoutMs: 1_500, maxRedirects: 3 };

type Handler = (req: http.IncomingMessage, res: http.ServerResponse, body: string) => void;
const servers: http.Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => {
    server.closeAllConnections();
    server.close(resolve);
  })));
});

async function serve(handler: Handler): Promise<string> {
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => handler(req, res, body));
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

function recipe(settings: string): Recipe {
  return { settings: parseSettings(settings), markup: { full: '' }, values: {} };
}

async function poll(settings: string, values = {}) {
  return fetchRecipeData(recipe(settings), values, context, { fetchLimits: limits });
}

async function failure(promise: Promise<unknown>): Promise<RecipeError> {
  const err = await promise.then(() => null, (error: unknown) => error);
  expect(err).toBeInstanceOf(RecipeError);
  return err as RecipeError;
}

describe('fetchRecipeData', () => {
  it('puts a JSON object at the root with floats kept as floats', async () => {
    const base = await serve((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"temp": 21.0, "n": 3}'));
    const data = await poll(`strategy: polling\npolling_url: ${base}/now`);
    expect(data.n).toBe(3);
    expect(data.temp).toBeInstanceOf(RubyFloat);
    expect(String(data.temp)).toBe('21.0');
  });

  it('puts a root array and a text answer under data', async () => {
    const base = await serve((req, res) => (req.url === '/list' ? res.writeHead(200, { 'content-type': 'application/json' }).end('[1, 2]') : res.writeHead(200, { 'content-type': 'text/plain' }).end('quote of the day')));
    expect(await poll(`strategy: polling\npolling_url: ${base}/list`)).toEqual({ data: [1, 2] });
    expect(await poll(`strategy: polling\npolling_url: ${base}/text`)).toEqual({ data: 'quote of the day' });
  });

  it('parses XML like Hash.from_xml, attributes beside __content__', async () => {
    const base = await serve((_req, res) => res.writeHead(200, { 'content-type': 'application/rss+xml' }).end('<?xml version="1.0"?><rss version="2.0"><channel><title>News &amp; more</title><item><title>One</title><guid isPermaLink="false">a1</guid></item><item><title>Two</title><guid isPermaLink="false">a2</guid></item></channel></rss>'));
    const data = await poll(`strategy: polling\npolling_url: ${base}/feed`);
    expect(data).toEqual({ rss: { version: '2.0', channel: { title: 'News & more', item: [{ title: 'One', guid: { isPermaLink: 'false', __content__: 'a1' } }, { title: 'Two', guid: { isPermaLink: 'false', __content__: 'a2' } }] } } });
  });

  it('decodes the charset an answer declares, and drops a byte-order mark', async () => {
    const base = await serve((req, res) => {
      if (req.url === '/latin1') return res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(Buffer.from('<?xml version="1.0" encoding="ISO-8859-1"?><rss><channel><title>Grüße aus Köln</title></channel></rss>', 'latin1'));
      if (req.url === '/header') return res.writeHead(200, { 'content-type': 'text/plain; charset=windows-1252' }).end(Buffer.from([0x80, 0x20, 0x35]));
      res.writeHead(200, { 'content-type': 'application/json' }).end(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{"ok": "ü"}')]));
    });
    expect(await poll(`strategy: polling\npolling_url: ${base}/latin1`)).toEqual({ rss: { channel: { title: 'Grüße aus Köln' } } });
    expect(await poll(`strategy: polling\npolling_url: ${base}/header`)).toEqual({ data: '€ 5' });
    expect(await poll(`strategy: polling\npolling_url: ${base}/bom`)).toEqual({ ok: 'ü' });
  });

  it('does not expand nested XML entities (a billion laughs stays small)', async () => {
    const entities = Array.from({ length: 8 }, (_, level) => `<!ENTITY l${level + 1} "${`&l${level};`.repeat(10)}">`).join('');
    const base = await serve((_req, res) => res.writeHead(200, { 'content-type': 'application/xml' }).end(`<?xml version="1.0"?><!DOCTYPE b [<!ENTITY l0 "lol">${entities}]><b>&l8;</b>`));
    const data = await poll(`strategy: polling\npolling_url: ${base}/lol`);
    expect(JSON.stringify(data).length).toBeLessThan(1000);
  });

  it('gives IDX_0, IDX_1, … for several URLs, a root array as IDX_n.data', async () => {
    const base = await serve((req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(req.url === '/a' ? '{"a": 1}' : '["b"]'));
    expect(await poll(`strategy: polling\npolling_url: |\n  ${base}/a\n  ${base}/b\n`)).toEqual({ IDX_0: { a: 1 }, IDX_1: { data: ['b'] } });
  });

  it('POSTs the rendered body with the headers', async () => {
    const seen: string[] = [];
    const base = await serve((req, res, body) => {
      seen.push(`${req.method} ${req.headers.authorization} ${req.headers['content-type']} ${body}`);
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok": true}');
    });
    await poll(`strategy: polling\npolling_verb: post\npolling_url: ${base}/q\npolling_headers: "authorization=Bearer {{ token }}"\npolling_body: '{"list": "{{ list }}"}'\ncustom_fields:\n- keyname: token\n  field_type: password\n- keyname: list\n  field_type: string\n`, { token: 'abc', list: 'home' });
    expect(seen).toEqual(['POST Bearer abc application/json {"list": "home"}']);
  });

  it('runs transform.js over the polled data', async () => {
    const base = await serve((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"items": [3, 1, 2]}'));
    const transformed = recipe(`strategy: polling\npolling_url: ${base}/x`);
    transformed.transform = 'function run(input) { return { sorted: input.items.sort(), count: input.items.length } }';
    expect(await fetchRecipeData(transformed, {}, context, { fetchLimits: limits })).toEqual({ sorted: [1, 2, 3], count: 3 });
  });

  it('returns static_data for a static recipe and refuses to poll a webhook recipe', async () => {
    expect(await poll("strategy: static\nstatic_data: '{\"a\": 1}'")).toEqual({ a: 1 });
    expect((await failure(poll('strategy: webhook'))).message).toMatch(/arrives by POST/);
  });
});

describe('answers that are refused', () => {
  it('cuts a 50 MB answer at the size limit', async () => {
    const chunk = Buffer.alloc(1024 * 1024, 'a');
    const base = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      let sent = 0;
      const more = () => {
        while (sent < 50 && res.write(chunk)) sent += 1;
        if (sent < 50) res.once('drain', () => { sent += 1; more(); });
        else res.end();
      };
      more();
    });
    const err = await failure(poll(`strategy: polling\npolling_url: ${base}/huge`));
    expect(err.code).toBe('too-large');
    expect(err.message).toMatch(/more than the 1048576 bytes allowed/);
  });

  it('refuses a declared length over the limit without reading it', async () => {
    const base = await serve((_req, res) => res.writeHead(200, { 'content-length': String(50 * 1024 * 1024) }).end());
    expect((await failure(limitedFetch({ url: `${base}/x`, method: 'GET', headers: {} }, limits))).message).toMatch(/answered with 52428800 bytes/);
  });

  it('gives up on an answer that never ends', async () => {
    const base = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"items": [');
    });
    const started = Date.now();
    const err = await failure(poll(`strategy: polling\npolling_url: ${base}/slow`));
    expect(err.message).toMatch(/did not answer completely within 1.5 s/);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('stops following a URL that redirects forever', async () => {
    const base = await serve((req, res) => res.writeHead(302, { location: `/loop${Number(req.url!.replace(/\D/g, '') || 0) + 1}` }).end());
    expect((await failure(poll(`strategy: polling\npolling_url: ${base}/loop0`))).message).toMatch(/redirected more than 3 times/);
  });

  it('follows a redirect to another origin without the credentials', async () => {
    const seen: string[] = [];
    const target = await serve((req, res) => {
      seen.push(`${req.headers.authorization ?? 'no authorization'} ${req.headers['x-api-key']}`);
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"moved": true}');
    });
    const base = await serve((_req, res) => res.writeHead(307, { location: `${target}/new` }).end());
    const answer = await limitedFetch({ url: `${base}/old`, method: 'GET', headers: { Authorization: 'Bearer secret', 'X-Api-Key': 'k' } }, limits);
    expect(answer.body).toBe('{"moved": true}');
    expect(seen).toEqual(['no authorization k']);
  });

  it('refuses redirects to other schemes, error statuses, JSON that does not parse and URLs that are not http', async () => {
    const base = await serve((req, res) => {
      if (req.url === '/file') return res.writeHead(301, { location: 'file:///etc/passwd' }).end();
      if (req.url === '/broken') return res.writeHead(200, { 'content-type': 'application/json' }).end('{"a": ');
      res.writeHead(503, 'Service Unavailable').end('down for maintenance');
    });
    expect((await failure(poll(`strategy: polling\npolling_url: ${base}/file`))).message).toMatch(/file: URLs cannot be polled/);
    expect((await failure(poll(`strategy: polling\npolling_url: ${base}/down`))).message).toMatch(/answered 503 Service Unavailable: down for maintenance/);
    expect((await failure(poll(`strategy: polling\npolling_url: ${base}/broken`))).code).toBe('invalid-data');
    expect((await failure(poll('strategy: polling\npolling_url: ftp://example.com/x'))).message).toMatch(/only http and https/);
    expect((await failure(poll('strategy: polling\npolling_url: "{{ nothing }}"'))).message).toMatch(/gives no URL/);
  });
});
