import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createFileOnceSync } from '../../main/core/atomic-file.ts';
import { tempDataDir } from '../helpers/test-server.ts';

describe('createFileOnceSync', () => {
  afterEach(() => vi.restoreAllMocks());

  it('creates the file once, whole, and leaves no temp file; the second writer gets false and the first content stays', () => {
    const dir = tempDataDir();
    const target = path.join(dir, 'secret.key');
    expect(createFileOnceSync(target, 'first', 0o600)).toBe(true);
    expect(createFileOnceSync(target, 'second', 0o600)).toBe(false);
    expect(fs.readFileSync(target, 'utf8')).toBe('first');
    expect(fs.statSync(target).mode & 0o777).toBe(0o600);
    expect(fs.readdirSync(dir)).toEqual(['secret.key']);
  });

  it('on a share without hard links (link answers EPERM) creates the file exclusively instead', () => {
    const link = vi.spyOn(fs, 'linkSync').mockImplementation(() => {
      throw Object.assign(new Error('operation not permitted'), { code: 'EPERM' });
    });
    const dir = tempDataDir();
    const target = path.join(dir, 'tls-key.pem');
    expect(createFileOnceSync(target, 'first')).toBe(true);
    expect(createFileOnceSync(target, 'second')).toBe(false);
    expect(fs.readFileSync(target, 'utf8')).toBe('first');
    expect(fs.readdirSync(dir)).toEqual(['tls-key.pem']);
    expect(link).toHaveBeenCalledTimes(2);
  });
});
