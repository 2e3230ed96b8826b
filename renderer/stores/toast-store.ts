import { create } from 'zustand';

export interface Toast {
  id: number;
  kind: 'info' | 'error';
  text: string;
}

interface ToastState {
  toasts: Toast[];
  show(text: string, kind?: Toast['kind']): void;
  dismiss(id: number): void;
}

const TOAST_MS = 6000;
let nextId = 1;

/** Short messages in the corner that go away by themselves; failed calls reach them through server-errors.ts. */
export const useToasts = create<ToastState>()((set, get) => ({
  toasts: [],
  show(text, kind = 'info') {
    const id = nextId++;
    set((s) => ({ toasts: [...s.toasts, { id, kind, text }] }));
    setTimeout(() => get().dismiss(id), TOAST_MS);
  },
  dismiss(id) {
    set((s) => ({ toasts: s.toasts.filter((t) => t.id !== id) }));
  },
}));
