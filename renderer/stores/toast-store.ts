import { create } from 'zustand';
import { ApiError } from '../api/client.ts';

export interface Toast {
  id: number;
  kind: 'info' | 'error';
  text: string;
}

interface ToastState {
  toasts: Toast[];
  /** The admin token was refused (e.g. the server restarted and minted a new one). */
  unauthorized: boolean;
  show(text: string, kind?: Toast['kind']): void;
  dismiss(id: number): void;
  /** For every failed call: a message the user can read, or the sign-in screen on 401. */
  fail(error: unknown): void;
}

const TOAST_MS = 6000;
let nextId = 1;

export const useToasts = create<ToastState>()((set, get) => ({
  toasts: [],
  unauthorized: false,
  show(text, kind = 'info') {
    const id = nextId++;
    set((s) => ({ toasts: [...s.toasts, { id, kind, text }] }));
    setTimeout(() => get().dismiss(id), TOAST_MS);
  },
  dismiss(id) {
    set((s) => ({ toasts: s.toasts.filter((t) => t.id !== id) }));
  },
  fail(error) {
    if (error instanceof ApiError && error.status === 401) return set({ unauthorized: true });
    get().show(error instanceof Error ? error.message : String(error), 'error');
  },
}));

/** Runs an action and reports its failure as a toast; resolves to undefined then. */
export async function attempt<T>(action: () => Promise<T>): Promise<T | undefined> {
  try {
    return await action();
  } catch (error) {
    useToasts.getState().fail(error);
    return undefined;
  }
}
