import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';

vi.mock('electron', async () => (await import('./electron-fakes.ts')).electronModule());

describe('the Electron entry (electron mocked)', () => {
  it('names the app, takes the single-instance lock and waits for ready before starting anything', async () => {
    vi.stubEnv('INKSTAND_DATA_DIR', fs.mkdtempSync(path.join(os.tmpdir(), 'inkstand-entry-')));
    await import('../../main/desktop/main.ts');
    const electron = (await import('electron')) as unknown as { app: import('./electron-fakes.ts').FakeApp & { names: string[] }; BrowserWindow: { instances: unknown[] } };
    expect(electron.app.names).toEqual(['Inkstand']);
    expect(electron.app.listenerCount('second-instance')).toBe(1);
    expect(electron.app.listenerCount('before-quit')).toBe(1);
    expect(electron.app.listenerCount('web-contents-created')).toBe(1);
    expect(electron.BrowserWindow.instances).toHaveLength(0);
    vi.unstubAllEnvs();
  });
});
