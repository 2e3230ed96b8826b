import { describe, expect, it } from 'vitest';
import { fromLocalNetwork } from '../../main/http/webhook-routes.ts';

describe('webhooks are taken from the local network only', () => {
  it('accepts loopback, private, link-local, CGNAT and unique-local addresses', () => {
    for (const address of ['127.0.0.1', '::1', '10.1.2.3', '172.16.0.9', '172.31.255.1', '192.168.1.20', '::ffff:192.168.1.20', '169.254.3.4', '100.64.0.1', 'fd12::1', 'fe80::1']) {
      expect(fromLocalNetwork(address), address).toBe(true);
    }
  });

  it('refuses public addresses and a missing one', () => {
    for (const address of ['8.8.8.8', '172.32.0.1', '100.128.0.1', '::ffff:1.1.1.1', '2001:db8::1', undefined]) {
      expect(fromLocalNetwork(address), String(address)).toBe(false);
    }
  });
});
