import makeMdns from 'multicast-dns';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { MdnsAdvert, MDNS_SERVICE } from '../../main/discovery/mdns-advert.ts';

// Both ends on loopback, on a port of the test's own so a real mDNS responder on the host is not disturbed.
const port = 40000 + Math.floor(Math.random() * 20000);
const loopback = { bind: '0.0.0.0', interface: '127.0.0.1', port, loopback: true };

describe('mDNS advert', () => {
  const advert = new MdnsAdvert({ httpPort: 8000, httpsPort: 8443, fingerprint: 'sha256:abc', instanceName: () => 'Home' }, pino({ level: 'silent' }), loopback);
  const client = makeMdns(loopback);
  afterEach(() => {
    advert.stop();
    client.destroy();
  });

  it('answers a query for _inkstand._tcp.local with the https port and the TXT record', async () => {
    advert.start();
    await new Promise((r) => setTimeout(r, 150)); // let the start-up announcement pass: the answer below must be to our query
    const answers = await new Promise<makeMdns.ResponsePacket['answers']>((resolve) => {
      client.on('response', (response) => {
        if (response.answers.some((a) => a.type === 'SRV')) resolve(response.answers);
      });
      client.query({ questions: [{ name: MDNS_SERVICE, type: 'PTR' }] });
    });
    expect(answers.find((a) => a.type === 'PTR')).toMatchObject({ name: MDNS_SERVICE, data: `Home.${MDNS_SERVICE}` });
    expect(answers.find((a) => a.type === 'SRV')).toMatchObject({ data: expect.objectContaining({ port: 8443 }) });
    const txt = answers.find((a) => a.type === 'TXT')!.data as Buffer[];
    expect(txt.map(String)).toEqual(['bootstrap=/api/display/bootstrap', 'fp=sha256:abc', 'http=8000']);
    expect(answers.find((a) => a.type === 'A')).toMatchObject({ data: '127.0.0.1' });
  });
});
