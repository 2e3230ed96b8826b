import { describeUrl, fetchBytes, FetchError, type FetchedBytes } from '../jobs/http.ts';

/**
 * A data source could not deliver: the message says what to fix (address, key, the service's own
 * words). Callers keep the content they had and show the message on the screen's entry.
 */
export class SourceError extends Error {
  /** What the screen shows instead when it has no earlier content to keep (a card saying what is missing). */
  constructor(message: string, readonly placeholder?: unknown) {
    super(message);
  }
}

export interface SourceRequest {
  /** Names the service in messages ("Immich at 192.168.1.5:2283"), never a URL holding a key. */
  label: string;
  headers?: Record<string, string>;
  method?: 'GET' | 'POST';
  /** A JSON body for POST. */
  json?: unknown;
  timeoutMs?: number;
  maxBytes?: number;
  signal?: AbortSignal;
}

const DEFAULT_TIMEOUT_MS = 20_000;
const DEFAULT_MAX_BYTES = 5_000_000;

/** `base` (a setting: the service, a mirror or a LAN server) joined with an API path; the base may carry a path prefix. */
export function serviceUrl(base: string, path: string, query: Record<string, string | number | undefined> = {}): string {
  let parsed: URL;
  try {
    parsed = new URL(base.endsWith('/') ? base : `${base}/`);
  } catch {
    throw new SourceError(`"${base}" is not a URL (expected e.g. http://192.168.1.5:8123)`);
  }
  if (!/^https?:$/.test(parsed.protocol)) throw new SourceError(`"${base}" is not an http(s) address`);
  const url = new URL(path.replace(/^\//, ''), parsed);
  for (const [key, value] of Object.entries(query)) if (value !== undefined) url.searchParams.set(key, String(value));
  return url.toString();
}

/** The bytes of a 2xx answer; anything else is a SourceError naming the service and what it said. */
export async function requestBytes(url: string, request: SourceRequest): Promise<FetchedBytes> {
  const headers = { ...request.headers, ...(request.json !== undefined ? { 'content-type': 'application/json' } : {}) };
  let response: FetchedBytes;
  try {
    response = await fetchBytes(url, {
      timeoutMs: request.timeoutMs ?? DEFAULT_TIMEOUT_MS, maxBytes: request.maxBytes ?? DEFAULT_MAX_BYTES, signal: request.signal,
      headers, label: request.label, method: request.method, body: request.json === undefined ? undefined : JSON.stringify(request.json),
    });
  } catch (err) {
    if (err instanceof FetchError) throw new SourceError(err.message);
    throw err;
  }
  if (response.status < 200 || response.status > 299) throw new SourceError(statusProblem(request.label, response.status, response.body.toString('utf8')));
  return response;
}

/** The parsed JSON of a 2xx answer. */
export async function requestJson<T>(url: string, request: SourceRequest): Promise<T> {
  const { body } = await requestBytes(url, { ...request, headers: { accept: 'application/json', ...request.headers } });
  try {
    return JSON.parse(body.toString('utf8')) as T;
  } catch {
    throw new SourceError(`${request.label} did not answer with JSON (at ${describeUrl(url)}): is the address right?`);
  }
}

function statusProblem(label: string, status: number, body: string): string {
  const said = serviceMessage(body);
  const suffix = said ? `: ${said}` : '';
  if (status === 401 || status === 403) return `${label} refused the request (HTTP ${status}): check the token or API key${suffix}`;
  if (status === 404) return `${label} answered HTTP 404: not found (check the address and the id)${suffix}`;
  if (status === 429) return `${label} answered HTTP 429: too many requests, try a longer refresh interval${suffix}`;
  return `${label} answered HTTP ${status}${suffix}`;
}

/** The service's own error text from a JSON error body ({"message"}, {"error": {"message"}}, {"detail"}, {"title"}), or a short plain-text body. */
function serviceMessage(body: string): string {
  try {
    const parsed = JSON.parse(body) as Record<string, unknown>;
    const nested = typeof parsed.error === 'object' && parsed.error !== null ? (parsed.error as Record<string, unknown>).message : undefined;
    const message = parsed.message ?? nested ?? parsed.error ?? parsed.detail ?? parsed.title;
    if (typeof message === 'string') return message.slice(0, 200);
    if (Array.isArray(message)) return message.join('; ').slice(0, 200);
  } catch {
    // not JSON
  }
  const text = body.trim();
  return text.length > 0 && text.length <= 200 && !text.startsWith('<') ? text : '';
}

const MAX_IMAGE_BYTES = 60_000_000;

/** An image's bytes; a web page or other non-image answer is a SourceError (a link that now points at a login page). */
export async function requestImage(url: string, request: SourceRequest): Promise<Buffer> {
  const { body, contentType } = await requestBytes(url, { maxBytes: MAX_IMAGE_BYTES, timeoutMs: 120_000, ...request, headers: { accept: 'image/*', ...request.headers } });
  if (contentType && !/^image\/|^application\/octet-stream/i.test(contentType)) throw new SourceError(`${request.label} answered with ${contentType.split(';')[0]}, not an image`);
  return body;
}
