import type { AdminArgs, AdminEventName, AdminEventPayload, AdminOperationName, AdminResult } from '../../contract/admin.ts';

export type UploadResult = AdminResult<'photos.upload'>;

/** The admin contract as the UI sees it, whichever transport carries it. */
export interface InkstandClient {
  readonly transport: 'ipc' | 'http';
  call<K extends AdminOperationName>(name: K, args: AdminArgs<K>): Promise<AdminResult<K>>;
  on<E extends AdminEventName>(event: E, listener: (payload: AdminEventPayload<E>) => void): () => void;
  /** Called when the event stream opens, first or again after a cut: events may have been missed, so refetch. */
  onResync(listener: () => void): () => void;
  uploadPhoto(file: File, onProgress: (fraction: number) => void): Promise<UploadResult>;
}

let current: InkstandClient | null = null;

export function setClient(client: InkstandClient): void {
  current = client;
}

export function client(): InkstandClient {
  if (!current) throw new Error('the admin client is not set up yet');
  return current;
}

/**
 * The same client, but a refused admin token (401) on any call or upload is reported to
 * `onUnauthorized` whoever made the call; the error still reaches the caller.
 */
export function reportingUnauthorized(api: InkstandClient, onUnauthorized: () => void): InkstandClient {
  const check = (error: unknown): never => {
    if (isUnauthorized(error)) onUnauthorized();
    throw error;
  };
  return {
    ...api,
    call: (name, args) => api.call(name, args).catch(check),
    uploadPhoto: (file, onProgress) => api.uploadPhoto(file, onProgress).catch(check),
  };
}

export function isUnauthorized(error: unknown): boolean {
  return error instanceof ApiError && error.status === 401;
}

/** A failed operation, with the server's message meant for the user. */
export class ApiError extends Error {
  constructor(message: string, readonly status?: number, readonly code?: string) {
    super(message);
    this.name = 'ApiError';
  }
}
