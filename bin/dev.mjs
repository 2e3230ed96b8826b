#!/usr/bin/env node
// `npm run dev`: the headless server (data dir as `inkstand serve`, HTTP on any free port unless
// INKSTAND_HTTP_PORT) plus Vite's dev server with hot reload, whose /api is proxied to it.
import { register } from 'tsx/esm/api';

register();
const { createServer: createInkstand } = await import('../main/server.ts');
const { defaultServerConfig } = await import('../main/config.ts');

const inkstand = await createInkstand(defaultServerConfig({ httpPort: Number(process.env.INKSTAND_HTTP_PORT ?? 0), httpsPort: 0 }));
const urls = await inkstand.start();
process.env.INKSTAND_DEV_API = urls.http.replace('0.0.0.0', '127.0.0.1');

const { createServer: createVite } = await import('vite');
const vite = await createVite({ configFile: new URL('../vite.config.ts', import.meta.url).pathname });
await vite.listen();
const uiUrl = vite.resolvedUrls.local[0];
console.log(`http listening on ${urls.http}`);
console.log(`admin ui (dev, hot reload): ${uiUrl}?token=${urls.adminToken}`);

const stop = async () => {
  await vite.close();
  await inkstand.stop();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
