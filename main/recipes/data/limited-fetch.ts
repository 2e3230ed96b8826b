/**
 * One HTTP request for a recipe's data, bounded: a size cap on the answer (read as it arrives, so
 * a 50 MB answer is cut at the cap), a total time limit that covers an answer that never ends,
 * and a limit on redirects (followed by hand so each hop is counted and must stay http(s)).
 */
import { RecipeError, errorMessage } from '../errors.ts';
import { decodeBody } from './decode-body.ts';

export interface FetchLimits {
  maxBytes: number;
  timeoutMs: number;
  maxRedirects: number;
}

export const DEFAULT_FETCH_LIMITS: FetchLimits = { maxBytes: 5 * 1024 * 1024, timeoutMs: 15_000, maxRedirects: 5 };

export interface DataRequest {
  url: string;
  method: 'GET' | 'POST';
  headers: Record<string, string>;
  body?: string;
}

export interface DataResponse {
  url: string;
  status: number;
  contentType: string;
  body: string;
}

function checkedUrl(text: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new RecipeError('fetch-failed', `"${text}" is not a URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new RecipeError('fetch-failed', `${url.protocol} URLs cannot be polled (only http and https)`);
  return url;
}

async function readCapped(response: Response, maxBytes: number, url: string): Promise<string> {
  const declared = Number(response.headers.get('content-length'));
  if (declared > maxBytes) throw new RecipeError('too-large', `${url} answered with ${declared} bytes, more than the ${maxBytes} allowed`);
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (response.body) {
    const reader = response.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.length;
      if (size > maxBytes) {
        await reader.cancel().catch(() => undefined);
        throw new RecipeError('too-large', `${url} answered with more than the ${maxBytes} bytes allowed`);
      }
      chunks.push(value);
    }
  }
  return decodeBody(Buffer.concat(chunks), response.headers.get('content-type') ?? '');
}

/** Credentials a redirect to another origin must not carry (what browsers drop too). */
const CREDENTIAL_HEADERS = new Set(['authorization', 'cookie', 'proxy-authorization']);

function withoutCredentials(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).filter(([name]) => !CREDENTIAL_HEADERS.has(name.toLowerCase())));
}

async function fetchFollowing(request: DataRequest, limits: FetchLimits, signal: AbortSignal): Promise<DataResponse> {
  let url = checkedUrl(request.url);
  let method = request.method;
  let body = request.body;
  let headers = request.headers;
  for (let hop = 0; ; hop += 1) {
    const response = await fetch(url, { method, headers, body: method === 'POST' ? body : undefined, redirect: 'manual', signal });
    const location = response.headers.get('location');
    if (response.status >= 300 && response.status < 400 && location) {
      await response.body?.cancel().catch(() => undefined);
      if (hop >= limits.maxRedirects) throw new RecipeError('fetch-failed', `${request.url} redirected more than ${limits.maxRedirects} times`);
      const next = checkedUrl(new URL(location, url).toString());
      if (next.origin !== url.origin) headers = withoutCredentials(headers);
      url = next;
      if (response.status === 303 || ((response.status === 301 || response.status === 302) && method === 'POST')) {
        method = 'GET';
        body = undefined;
      }
      continue;
    }
    const text = await readCapped(response, limits.maxBytes, request.url);
    if (!response.ok) throw new RecipeError('fetch-failed', `${request.url} answered ${response.status} ${response.statusText}${text ? `: ${text.slice(0, 200)}` : ''}`);
    return { url: url.toString(), status: response.status, contentType: response.headers.get('content-type') ?? '', body: text };
  }
}

export async function limitedFetch(request: DataRequest, limits: FetchLimits = DEFAULT_FETCH_LIMITS): Promise<DataResponse> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), limits.timeoutMs);
  try {
    return await fetchFollowing(request, limits, controller.signal);
  } catch (err) {
    if (err instanceof RecipeError) throw err;
    if (controller.signal.aborted) throw new RecipeError('fetch-failed', `${request.url} did not answer completely within ${limits.timeoutMs / 1000} s`);
    const cause = (err as { cause?: unknown }).cause;
    throw new RecipeError('fetch-failed', `${request.url} could not be fetched: ${errorMessage(cause ?? err)}`);
  } finally {
    clearTimeout(timer);
  }
}
