import fs from 'node:fs';
import path from 'node:path';
import pino, { type Logger } from 'pino';

export type { Logger };

/** Everything goes to `<data dir>/logs/inkstand.log`; warnings and errors also to stderr. */
export function createLogger(dataDir: string | null, level = process.env.INKSTAND_LOG_LEVEL ?? 'info'): Logger {
  const streams: pino.StreamEntry[] = [{ level: 'warn', stream: process.stderr }];
  if (dataDir) {
    const dir = path.join(dataDir, 'logs');
    fs.mkdirSync(dir, { recursive: true });
    streams.push({ level: level as pino.Level, stream: pino.destination({ dest: path.join(dir, 'inkstand.log'), sync: false, mkdir: true }) });
  }
  return pino({ level, redact: { paths: ['*.api_key', '*.apiKey', '*.token', '*.authorization'], censor: '[secret]' } }, pino.multistream(streams));
}
