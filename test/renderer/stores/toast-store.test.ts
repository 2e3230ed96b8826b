import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useToasts } from '../../../renderer/stores/toast-store.ts';
import { resetStore } from '../fake-client.ts';

describe('toast store', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    resetStore(useToasts);
  });
  afterEach(() => vi.useRealTimers());

  it('shows a message and lets it go by itself after six seconds', () => {
    useToasts.getState().show('Refreshed 2 displays');
    useToasts.getState().show('Upload refused', 'error');
    expect(useToasts.getState().toasts.map((t) => [t.kind, t.text])).toEqual([['info', 'Refreshed 2 displays'], ['error', 'Upload refused']]);
    vi.advanceTimersByTime(5999);
    expect(useToasts.getState().toasts).toHaveLength(2);
    vi.advanceTimersByTime(1);
    expect(useToasts.getState().toasts).toEqual([]);
  });

  it('dismisses one message and keeps the others', () => {
    useToasts.getState().show('first');
    useToasts.getState().show('second');
    const [first] = useToasts.getState().toasts;
    useToasts.getState().dismiss(first.id);
    expect(useToasts.getState().toasts.map((t) => t.text)).toEqual(['second']);
  });
});
