import type { AdminArgs, AdminEventName, AdminEventPayload, AdminOperationName, AdminResult } from '../../contract/admin.ts';

export type UploadResult = AdminResult<'photos.upload'>;

/** The admin contract as the UI sees it, whichever transport carries it. */
export interface InkstandClient {
  readonly transport: 'ipc' | 'http';
  call<K extends AdminOperationName>(name: K, args: AdminArgs<K>): Promise<AdminResult<K>>;
  on<E extends AdminEventName>(event: E, listener: (payload: AdminEventPayload<E>) => void): () => void;
  /** Called after the event stream was cut and is back: events may have been missed, so refetch. */
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

/** A failed operation, with the server's message meant for the user. */
export class ApiError extends Error {
  constructor(message: string, readonly status?: number, readonly code?: string) {
    super(message);
    this.name = 'ApiError';
  }
}
