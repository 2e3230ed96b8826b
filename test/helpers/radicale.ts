import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export interface Radicale {
  /** The server's root, e.g. http://127.0.0.1:40123/ */
  url: string;
  username: string;
  password: string;
  /** Makes a calendar collection holding `components` (MKCALENDAR, as clients do) and returns its URL. */
  makeCalendar(slug: string, displayName: string, components: ('VEVENT' | 'VTODO')[]): Promise<string>;
  /** PUTs one iCalendar object into a collection. */
  put(collectionUrl: string, fileName: string, ics: string): Promise<void>;
  stop(): Promise<void>;
}

/**
 * A real Radicale (Debian's `radicale`, in .ci/run's package list) on a free loopback port, with
 * htpasswd sign-in and its storage in a temp dir: CalDAV clients are tested against a real server.
 */
export async function startRadicale(): Promise<Radicale> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'inkstand-radicale-'));
  const port = await freePort();
  const username = 'alice';
  const password = 'correct horse battery';
  fs.writeFileSync(path.join(dir, 'users'), `${username}:${password}\n`);
  fs.writeFileSync(path.join(dir, 'config'), [
    '[server]', `hosts = 127.0.0.1:${port}`,
    '[auth]', 'type = htpasswd', `htpasswd_filename = ${path.join(dir, 'users')}`, 'htpasswd_encryption = plain', 'delay = 0',
    '[storage]', `filesystem_folder = ${path.join(dir, 'collections')}`,
    '[rights]', 'type = owner_only',
    '[logging]', 'level = warning',
  ].join('\n'));
  const child = spawn('radicale', ['--config', path.join(dir, 'config')], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (chunk) => { stderr += chunk; });
  const url = `http://127.0.0.1:${port}/`;
  await waitForServer(url, child, () => stderr);
  const auth = `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;
  return {
    url, username, password,
    async makeCalendar(slug, displayName, components) {
      const collection = `${url}${username}/${slug}/`;
      const body = `<?xml version="1.0" encoding="utf-8"?><C:mkcalendar xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav"><D:set><D:prop><D:displayname>${displayName}</D:displayname><C:supported-calendar-component-set>${components.map((c) => `<C:comp name="${c}"/>`).join('')}</C:supported-calendar-component-set></D:prop></D:set></C:mkcalendar>`;
      const response = await fetch(collection, { method: 'MKCALENDAR', headers: { authorization: auth, 'content-type': 'application/xml' }, body });
      if (response.status !== 201) throw new Error(`MKCALENDAR ${collection}: ${response.status} ${await response.text()}`);
      return collection;
    },
    async put(collectionUrl, fileName, ics) {
      const response = await fetch(`${collectionUrl}${fileName}`, { method: 'PUT', headers: { authorization: auth, 'content-type': 'text/calendar; charset=utf-8' }, body: ics });
      if (response.status !== 201 && response.status !== 204) throw new Error(`PUT ${fileName}: ${response.status} ${await response.text()}`);
    },
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A loopback TCP port nobody listens on right now. */
export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function waitForServer(url: string, child: ChildProcess, stderr: () => string): Promise<void> {
  for (let attempt = 0; attempt < 200; attempt++) {
    if (child.exitCode !== null) throw new Error(`radicale exited (${child.exitCode}): ${stderr()}`);
    try {
      await fetch(url);
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  child.kill('SIGTERM');
  throw new Error(`radicale did not answer at ${url}: ${stderr()}`);
}
