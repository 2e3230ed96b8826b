import { createServer } from '../server.ts';
import { serverConfigFrom, type ServeOptions } from './serve-options.ts';

/** `inkstand serve`: runs the headless server until SIGINT/SIGTERM, then shuts down cleanly; SIGHUP reloads settings. */
export async function serveCommand(options: ServeOptions, out: NodeJS.WritableStream = process.stdout): Promise<void> {
  const config = serverConfigFrom(options);
  const server = await createServer(config);
  const urls = await server.start();
  // Before the listeners are announced: whoever waits for that line may signal at once.
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    out.write(`${signal}: shutting down\n`);
    await server.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGHUP', () => {
    if (stopping) return;
    server.reload().then(
      () => out.write('SIGHUP: reloaded settings\n'),
      (error: unknown) => out.write(`SIGHUP: could not reload settings: ${error instanceof Error ? error.message : String(error)}\n`),
    );
  });
  out.write(`http listening on ${urls.http}\n`);
  out.write(`https listening on ${urls.https}\n`);
  if (urls.discovery) out.write(`discovery listening on ${urls.discovery}\n`);
  out.write(`node: ${config.nodeName}, database: ${config.databaseUrl ? 'PostgreSQL' : 'SQLite in the data dir'}\n`);
  out.write(`admin ui: ${urls.adminUi}\n`);
  out.write(`data dir: ${config.dataDir}\n`);
}
