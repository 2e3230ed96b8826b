import os from 'node:os';

export interface GeneratedCertificate {
  key: string;
  cert: string;
}

/** A new self-signed P-256 certificate for this machine's names and LAN addresses, valid for 20 years. */
export async function generateCertificate(): Promise<GeneratedCertificate> {
  const { default: selfsigned } = await import('selfsigned');
  const generated = await selfsigned.generate([{ name: 'commonName', value: `inkstand-${os.hostname()}` }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    notAfterDate: new Date(Date.now() + 20 * 365 * 24 * 3600 * 1000),
    extensions: [
      { name: 'subjectAltName', altNames: lanNames() },
      { name: 'extKeyUsage', serverAuth: true },
    ],
  });
  return { cert: generated.cert, key: generated.private };
}

function lanNames(): { type: 2 | 7; value?: string; ip?: string }[] {
  const names: { type: 2 | 7; value?: string; ip?: string }[] = [
    { type: 2, value: os.hostname() },
    { type: 2, value: `${os.hostname()}.local` },
    { type: 2, value: 'localhost' },
  ];
  for (const list of Object.values(os.networkInterfaces())) {
    for (const entry of list ?? []) if (!entry.internal || entry.address === '127.0.0.1') names.push({ type: 7, ip: entry.address.split('%')[0] });
  }
  return names;
}
