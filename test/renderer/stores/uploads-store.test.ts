import { beforeEach, describe, expect, it } from 'vitest';
import type { UploadResult } from '../../../renderer/api/client.ts';
import { useSession } from '../../../renderer/stores/session-store.ts';
import { useUploads } from '../../../renderer/stores/uploads-store.ts';
import { refused, resetStore, useFakeClient } from '../fake-client.ts';

const file = (name: string) => new File([name], name, { type: 'image/jpeg' });

describe('uploads store', () => {
  beforeEach(() => {
    resetStore(useUploads);
    resetStore(useSession);
  });

  it('each file ends added, already there, or refused with the server’s message; progress is kept', async () => {
    useFakeClient({}, async (f, onProgress) => {
      onProgress(0.5);
      if (f.name === 'notes.jpg') return refused('notes.jpg: not an image', 415);
      return { duplicate: f.name === 'again.jpg' } as UploadResult;
    });
    await useUploads.getState().add([file('a.jpg'), file('again.jpg'), file('notes.jpg')]);
    expect(useUploads.getState().uploads.map((u) => [u.name, u.status, u.progress, u.error])).toEqual([
      ['a.jpg', 'done', 1, undefined],
      ['again.jpg', 'duplicate', 1, undefined],
      ['notes.jpg', 'failed', 0.5, 'notes.jpg: not an image'],
    ]);
    expect(useSession.getState().unauthorized).toBe(false);
  });

  it('sends two files at a time, and Clear keeps only those still going', async () => {
    let running = 0;
    let most = 0;
    const release: (() => void)[] = [];
    useFakeClient({}, async () => {
      most = Math.max(most, ++running);
      await new Promise<void>((resolve) => release.push(resolve));
      running--;
      return { duplicate: false } as UploadResult;
    });
    const done = useUploads.getState().add([file('1.jpg'), file('2.jpg'), file('3.jpg')]);
    await new Promise((r) => setTimeout(r, 0));
    expect(useUploads.getState().uploads.map((u) => u.status)).toEqual(['uploading', 'uploading', 'waiting']);
    release.shift()!();
    await new Promise((r) => setTimeout(r, 0));
    useUploads.getState().clearFinished();
    expect(useUploads.getState().uploads.map((u) => u.name)).toEqual(['2.jpg', '3.jpg']);
    while (release.length || running) {
      release.shift()?.();
      await new Promise((r) => setTimeout(r, 0));
    }
    await done;
    expect(most).toBe(2);
  });

  it('a refused admin token on an upload opens the token screen', async () => {
    useFakeClient({}, () => refused('admin token required', 401));
    await useUploads.getState().add([file('a.jpg')]);
    expect(useSession.getState().unauthorized).toBe(true);
  });
});
