import { httpRequest } from './http-request.ts';

/** HTTP GET for jobs that read outside services: a timeout, a size limit, the job's abort signal, and errors a user can act on. */

export interface FetchOptions {
  timeoutMs: number;
  maxBytes: number;
  /** The job's signal: aborting it (app shutdown) aborts the request. */
  signal?: AbortSignal;
  headers?: Record<string, string>;
  /** Names the target in error messages instead of the URL (whose path may hold a secret, as private calendar feeds do). */
  label?: string;
}

export interface FetchedText {
  status: number;
  contentType: string;
  text: string;
}

export interface FetchedBytes {
  status: number;
  contentType: string;
  body: Buffer;
}

export class FetchError extends Error {}

/** The URL without its query string, so keys passed as query parameters never reach a log line. */
export function describeUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.origin}${parsed.pathname}`;
  } catch {
    return 'an invalid URL';
  }
}

/** Fetches a URL as text. Any status is returned (callers read error bodies); network trouble, timeouts and oversize bodies throw FetchError. */
export async function fetchText(url: string, options: FetchOptions): Promise<FetchedText> {
  const { status, contentType, body } = await fetchBytes(url, options);
  return { status, contentType, text: body.toString('utf8') };
}

/** Fetches a URL as bytes (images, feeds in other encodings), with the same limits and errors as fetchText. */
export async function fetchBytes(url: string, options: FetchOptions & { method?: string; body?: string }): Promise<FetchedBytes> {
  const timeout = AbortSignal.timeout(options.timeoutMs);
  const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
  const where = options.label ?? describeUrl(url);
  try {
    return await httpRequest(url, {
      method: options.method,
      headers: options.headers,
      body: options.body,
      signal,
      checkLength(declared) {
        if (declared > options.maxBytes) throw new FetchError(`${where} answered with ${declared} bytes, more than the limit of ${options.maxBytes}`);
      },
      checkTotal(total) {
        if (total > options.maxBytes) throw new FetchError(`${where} sent more than the limit of ${options.maxBytes} bytes`);
      },
    });
  } catch (err) {
    if (err instanceof FetchError) throw err;
    if (options.signal?.aborted) throw options.signal.reason ?? err;
    if (timeout.aborted) throw new FetchError(`no answer from ${where} within ${Math.round(options.timeoutMs / 1000)} s`);
    throw new FetchError(`could not reach ${where}: ${networkProblem(err)}`);
  }
}

const NETWORK_PROBLEMS: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset',
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'name lookup failed',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  ETIMEDOUT: 'connection timed out',
};

/** "connection refused (ECONNREFUSED)" from a request's error. */
function networkProblem(err: unknown): string {
  const { code, message } = err as { code?: string; message?: string };
  if (code && NETWORK_PROBLEMS[code]) return `${NETWORK_PROBLEMS[code]} (${code})`;
  return message ?? String(err);
}

/** Fetches and parses JSON; a body that is not JSON throws FetchError naming the service. */
export async function fetchJson(url: string, options: FetchOptions & { service: string }): Promise<{ status: number; body: unknown }> {
  const { status, text } = await fetchText(url, options);
  try {
    return { status, body: JSON.parse(text) };
  } catch {
    throw new FetchError(`${options.service} answered ${status} with something that is not JSON: ${JSON.stringify(text.slice(0, 80))}`);
  }
}
