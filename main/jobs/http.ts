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
    const response = await fetch(url, { signal, headers: options.headers, redirect: 'follow', method: options.method, body: options.body });
    const declared = Number(response.headers.get('content-length') ?? 0);
    if (declared > options.maxBytes) throw new FetchError(`${where} answered with ${declared} bytes, more than the limit of ${options.maxBytes}`);
    const body = await readLimited(response, options.maxBytes, where);
    return { status: response.status, contentType: response.headers.get('content-type') ?? '', body };
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
  UND_ERR_SOCKET: 'the server closed the connection',
};

/** "connection refused (ECONNREFUSED)" from fetch's error and its cause. */
function networkProblem(err: unknown): string {
  const cause = (err as { cause?: { code?: string; message?: string } }).cause;
  const code = cause?.code;
  if (code) return `${NETWORK_PROBLEMS[code] ?? cause?.message ?? 'network error'} (${code})`;
  return cause?.message ?? (err as Error).message;
}

async function readLimited(response: Response, maxBytes: number, where: string): Promise<Buffer> {
  if (!response.body) return Buffer.alloc(0);
  const chunks: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of response.body) {
    total += chunk.byteLength;
    if (total > maxBytes) throw new FetchError(`${where} sent more than the limit of ${maxBytes} bytes`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
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
