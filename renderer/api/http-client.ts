import type { AdminEventName, AdminOperationName, ADMIN_HTTP_ROUTES } from '../../contract/admin.ts';
import { ApiError, type InkstandClient, type UploadResult } from './client.ts';
import { requestUrl } from './routes.ts';

export interface HttpClientOptions {
  /** Origin of the server, e.g. http://127.0.0.1:8000 ('' = this page's origin). */
  baseUrl: string;
  token: string;
  routes: typeof ADMIN_HTTP_ROUTES;
}

/** The browser UI: the admin API under /api/admin with the Bearer token, events over Server-Sent Events. */
export function createHttpClient({ baseUrl, token, routes }: HttpClientOptions): InkstandClient {
  const api = `${baseUrl}/api/admin`;
  const events = new EventStream(`${api}/events?token=${encodeURIComponent(token)}`);
  const authorization = `Bearer ${token}`;

  return {
    transport: 'http',
    async call(name, args) {
      const { method, url, body } = requestUrl(routes[name as AdminOperationName], args as Record<string, unknown>);
      const res = await fetch(`${api}${url}`, {
        method,
        headers: { authorization, ...(body ? { 'content-type': 'application/json' } : {}) },
        body: body ? JSON.stringify(body) : undefined,
      });
      if (!res.ok) throw await apiError(res);
      return res.json();
    },
    on: (event, listener) => events.on(event, listener as (payload: unknown) => void),
    onResync: (listener) => events.onResync(listener),
    uploadPhoto(file, onProgress) {
      return new Promise<UploadResult>((resolve, reject) => {
        const xhr = new XMLHttpRequest();
        const form = new FormData();
        form.append('photo', file, file.name);
        xhr.open('POST', `${api}/photos`);
        xhr.setRequestHeader('authorization', authorization);
        xhr.responseType = 'json';
        xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
        xhr.onload = () => {
          if (xhr.status >= 200 && xhr.status < 300) return resolve(xhr.response as UploadResult);
          reject(new ApiError(xhr.response?.detail ?? `upload failed (${xhr.status})`, xhr.status, xhr.response?.code));
        };
        xhr.onerror = () => reject(new ApiError(`${file.name}: the server could not be reached`));
        xhr.send(form);
      });
    },
  };
}

async function apiError(res: Response): Promise<ApiError> {
  const body = await res.json().catch(() => null) as { detail?: string; code?: string } | null;
  return new ApiError(body?.detail ?? `${res.status} ${res.statusText}`, res.status, body?.code);
}

/**
 * One EventSource for all subscriptions; it reconnects by itself. Every open asks the UI to resync,
 * the first one too: the first lists load while the stream connects, and a change in between (a
 * frame asking to pair) is announced before anyone listens.
 */
class EventStream {
  private source: EventSource | null = null;
  private readonly listeners = new Map<string, Set<(payload: unknown) => void>>();
  private readonly resyncListeners = new Set<() => void>();

  constructor(private readonly url: string) {}

  on(event: AdminEventName, listener: (payload: unknown) => void): () => void {
    const source = this.open();
    let set = this.listeners.get(event);
    if (!set) {
      set = new Set();
      this.listeners.set(event, set);
      source.addEventListener(event, (e) => this.dispatch(event, (e as MessageEvent<string>).data));
    }
    set.add(listener);
    return () => set.delete(listener);
  }

  onResync(listener: () => void): () => void {
    this.resyncListeners.add(listener);
    return () => this.resyncListeners.delete(listener);
  }

  private open(): EventSource {
    if (this.source) return this.source;
    const source = new EventSource(this.url);
    source.onopen = () => this.resyncListeners.forEach((listener) => listener());
    this.source = source;
    return source;
  }

  private dispatch(event: string, data: string): void {
    const payload: unknown = JSON.parse(data);
    this.listeners.get(event)?.forEach((listener) => listener(payload));
  }
}
