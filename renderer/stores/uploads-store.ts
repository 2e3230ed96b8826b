import { create } from 'zustand';
import { client } from '../api/client.ts';
import { limiter } from '../lib/limit.ts';
import { tryCall } from './server-errors.ts';

export interface Upload {
  key: number;
  name: string;
  progress: number;
  status: 'waiting' | 'uploading' | 'done' | 'duplicate' | 'failed';
  error?: string;
}

interface UploadsState {
  uploads: Upload[];
  add(files: File[]): Promise<void>;
  clearFinished(): void;
}

const uploadSlots = limiter(2);
let nextKey = 1;

/** Photos being uploaded, each with its progress and outcome; the list refreshes through photos-changed. */
export const useUploads = create<UploadsState>()((set) => {
  const patch = (key: number, change: Partial<Upload>) =>
    set((s) => ({ uploads: s.uploads.map((u) => (u.key === key ? { ...u, ...change } : u)) }));

  const uploadOne = async (key: number, file: File) => {
    patch(key, { status: 'uploading' });
    const uploaded = await tryCall(() => client().uploadPhoto(file, (progress) => patch(key, { progress })));
    if (uploaded.ok) patch(key, { status: uploaded.value.duplicate ? 'duplicate' : 'done', progress: 1 });
    else patch(key, { status: 'failed', error: uploaded.message });
  };

  return {
    uploads: [],
    async add(files) {
      const queued = files.map((file) => ({ file, upload: { key: nextKey++, name: file.name, progress: 0, status: 'waiting' as const } }));
      set((s) => ({ uploads: [...s.uploads, ...queued.map((q) => q.upload)] }));
      await Promise.all(queued.map(({ file, upload }) => uploadSlots(() => uploadOne(upload.key, file))));
    },
    clearFinished() {
      set((s) => ({ uploads: s.uploads.filter((u) => u.status === 'waiting' || u.status === 'uploading') }));
    },
  };
});
