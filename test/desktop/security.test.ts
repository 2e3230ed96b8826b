import { describe, expect, it } from 'vitest';
import type { Electron } from '../../main/desktop/electron-types.ts';
import { safeStorageCipher } from '../../main/desktop/safe-storage-cipher.ts';
import { denyPermissions, lockDownContents } from '../../main/desktop/security.ts';
import { WEB_PREFERENCES } from '../../main/desktop/window.ts';
import { fakeSafeStorage, fakeSession, FakeWebContents } from './electron-fakes.ts';

describe('window security', () => {
  it('sandboxes the renderer: context isolation on, no node integration', () => {
    expect(WEB_PREFERENCES).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true });
  });

  it('denies navigation, redirects, webviews and window.open', () => {
    const contents = new FakeWebContents();
    lockDownContents(contents as unknown as Electron.WebContents);
    for (const event of ['will-navigate', 'will-redirect', 'will-attach-webview']) {
      let prevented = false;
      contents.emit(event, { preventDefault: () => { prevented = true; } }, 'https://example.com/');
      expect(prevented, event).toBe(true);
    }
    expect(contents.windowOpenHandler!({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
  });

  it('denies every permission request and check', () => {
    const session = fakeSession();
    denyPermissions(session.defaultSession as unknown as Electron.Session);
    let granted: boolean | undefined;
    session.calls.permissionRequest!(null, 'media', (answer: boolean) => { granted = answer; });
    expect(granted).toBe(false);
    expect(session.calls.permissionCheck!(null, 'notifications')).toBe(false);
  });
});

describe('safeStorage cipher', () => {
  const fileCipher = { encrypt: (plain: string) => `v1:${plain}`, decrypt: (stored: string) => stored.slice(3) };

  it('encrypts with the keychain, and still reads secrets the key file encrypted', () => {
    const cipher = safeStorageCipher(fakeSafeStorage as unknown as Electron.SafeStorage, () => fileCipher);
    const stored = cipher.encrypt('sk-1');
    expect(stored.startsWith('safe1:')).toBe(true);
    expect(cipher.decrypt(stored)).toBe('sk-1');
    expect(cipher.decrypt('v1:older')).toBe('older');
  });

  it('falls back to the key file where no keychain is available', () => {
    const storage = { ...fakeSafeStorage, available: false };
    const cipher = safeStorageCipher(storage as unknown as Electron.SafeStorage, () => fileCipher);
    expect(cipher.encrypt('sk-2')).toBe('v1:sk-2');
  });
});
