import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// The frame runs on Raspberry Pi OS's Python; Debian's python3 (with python3-pil) is the same here.
const PYTHON = fs.existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';
const HERE = import.meta.dirname;
const modules = fs.readdirSync(HERE).filter((f) => /^test_.*\.py$/.test(f)).map((f) => path.basename(f, '.py'));

describe('the frame program, Python unit tests (unittest)', () => {
  it('finds the test modules', () => {
    expect(modules).toEqual(expect.arrayContaining(['test_store', 'test_client', 'test_backends', 'test_buttons', 'test_mdns']));
  });

  for (const name of modules) {
    it(name, () => {
      const run = spawnSync(PYTHON, ['-m', 'unittest', '-v', name], { cwd: HERE, encoding: 'utf8', timeout: 120_000 });
      if (run.status !== 0) throw new Error(`${name} failed:\n${run.stderr}${run.stdout}`);
      expect(run.stderr).toMatch(/^OK/m);
    });
  }
});
