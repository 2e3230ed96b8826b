import { immichSettings, syncImmich } from '../main/sources/immich.ts';
import { startFakeImmich } from '../test/fakes/immich-server.ts';
import { createTestApp } from '../test/jobs/test-app.ts';
import type { Report } from './report.ts';

const ASSETS = 2000;

/**
 * Immich sync of a 2,000-asset album against the loopback stand-in (small distinct JPEGs, Immich's
 * 1,000-asset pages): the first sync (every original fetched and imported) and a re-sync of the
 * unchanged album, which must move no image bytes.
 */
export async function runImmichBench(report: Report): Promise<void> {
  const immich = await startFakeImmich(ASSETS);
  const t = await createTestApp();
  try {
    const settings = immichSettings.parse({ base_url: immich.url, api_key: immich.apiKey, album_id: immich.albumId });
    let start = performance.now();
    const first = await syncImmich(t.app, settings);
    const firstMs = performance.now() - start;
    if (first.added !== ASSETS) throw new Error(`first sync added ${first.added} of ${ASSETS}: ${first.failed.slice(0, 3).join('; ')}`);
    report('immich: first sync of a 2,000-asset album', firstMs / 1000, 's');
    report('immich: first sync throughput', ASSETS / (firstMs / 1000), 'assets/s');
    const served = immich.originalBytesServed;
    start = performance.now();
    const again = await syncImmich(t.app, settings);
    report('immich: re-sync of the unchanged album', performance.now() - start, 'ms');
    report('immich: image bytes moved by the re-sync', immich.originalBytesServed - served + again.bytesFetched, 'bytes');
  } finally {
    await t.close();
    await immich.close();
  }
}
