import { fork } from 'node:child_process';
import crypto from 'node:crypto';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import type { GeneratedCertificate } from '../../main/tls/generate-certificate.ts';

// The test run's servers start the bundle's entry (test/helpers/bundle-global-setup.ts); this is the one a run from the sources starts.
it('makes a matching key and certificate from the sources entry and exits', async () => {
  const child = fork(fileURLToPath(new URL('../../main/tls/certificate-process.mjs', import.meta.url)), [], { execArgv: [], stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  const exited = once(child, 'exit');
  const [pair] = (await once(child, 'message')) as [GeneratedCertificate];
  expect(new crypto.X509Certificate(pair.cert).checkPrivateKey(crypto.createPrivateKey(pair.key))).toBe(true);
  expect(await exited).toEqual([0, null]);
});
