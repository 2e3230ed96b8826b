/** A failed call to an AI service, with a message fit for a job log line (the service's own error text, never a key). */
export class ProviderError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ProviderError';
  }
}

export interface CallOptions {
  /** e.g. "OpenAI chat" — starts every error message. */
  label: string;
  timeoutMs: number;
  /** The job's abort signal. */
  signal?: AbortSignal;
  /** Removed from any error text, in case a service echoes it. */
  secret?: string;
}

/** One HTTP call that answers JSON: timeout, the service's error body on a non-2xx status, and malformed JSON all become ProviderErrors. */
export async function callJson(url: string, init: RequestInit, options: CallOptions): Promise<unknown> {
  const text = await call(url, init, options);
  try {
    return JSON.parse(text);
  } catch {
    throw new ProviderError(`${options.label}: the answer is not JSON (${preview(text, options.secret)})`);
  }
}

async function call(url: string, init: RequestInit, options: CallOptions): Promise<string> {
  const timeout = AbortSignal.timeout(options.timeoutMs);
  const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
  try {
    const response = await fetch(url, { ...init, signal, redirect: 'error' });
    const text = await response.text();
    if (!response.ok) throw new ProviderError(`${options.label}: HTTP ${response.status}: ${errorDetail(text, options.secret)}`);
    return text;
  } catch (error) {
    if (error instanceof ProviderError) throw error;
    if (options.signal?.aborted) throw options.signal.reason ?? error;
    if (timeout.aborted) throw new ProviderError(`${options.label}: no answer within ${options.timeoutMs / 1000} s`, { cause: error });
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    throw new ProviderError(`${options.label}: cannot reach ${new URL(url).origin} (${cause?.code ?? cause?.message ?? (error as Error).message})`, { cause: error });
  }
}

/**
 * The readable part of an error body: OpenAI `{"error":{"message","type","code"}}`, Ollama
 * `{"error":"…"}`, Stable Diffusion WebUI `{"detail":"…"}` or FastAPI's 422 `{"detail":[{"loc","msg"}]}`.
 */
export function errorDetail(text: string, secret?: string): string {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return preview(text, secret);
  }
  const b = body as { error?: unknown; detail?: unknown; errors?: unknown };
  let message: string;
  if (b.error && typeof b.error === 'object') {
    const e = b.error as { message?: string; type?: string; code?: string };
    message = [e.message, [...new Set([e.type, e.code])].filter(Boolean).join('/')].filter(Boolean).join(' — ');
  } else if (Array.isArray(b.detail)) {
    message = b.detail.map((d: { loc?: unknown[]; msg?: string }) => `${(d.loc ?? []).join('.')}: ${d.msg}`).join('; ');
  } else {
    message = [b.error, b.detail, b.errors].filter((x) => typeof x === 'string' && x).join(': ') || text;
  }
  return preview(message, secret);
}

function preview(text: string, secret?: string): string {
  const clean = secret ? text.replaceAll(secret, '[secret]') : text;
  const oneLine = clean.replace(/\s+/g, ' ').trim();
  return oneLine.length > 300 ? `${oneLine.slice(0, 300)}…` : oneLine || '(empty)';
}

export function bearer(apiKey: string | undefined): Record<string, string> {
  return apiKey ? { authorization: `Bearer ${apiKey}` } : {};
}

/** SD WebUI's `--api-auth user:password`. */
export function basicAuth(apiKey: string | undefined): Record<string, string> {
  return apiKey ? { authorization: `Basic ${Buffer.from(apiKey).toString('base64')}` } : {};
}
