import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');

/** The packages (and the package files, for systeminformation) a new server has loaded. */
function freshServerScripts(): string[] {
  const output = execFileSync(process.execPath, ['--import', 'tsx', path.join(root, 'test/helpers/fresh-server-scripts.ts')], { cwd: root, encoding: 'utf8', timeout: 60_000 });
  return JSON.parse(output) as string[];
}

// V8 keeps a loaded module's source text for the life of the process: what a server needs only for
// one kind of work is loaded when that work first comes (issue 22).
describe('the modules a new server on SQLite loads', () => {
  it('has the database and web server, but not the PostgreSQL client, CalDAV, iCalendar, feed or certificate libraries', () => {
    const scripts = freshServerScripts();
    const loaded = (name: string) => scripts.some((url) => url.includes(`/node_modules/${name}/`));
    expect(loaded('typeorm')).toBe(true);
    expect(loaded('express')).toBe(true);
    for (const name of ['pg', 'tsdav', 'ical.js', 'feedsmith', 'selfsigned', '@peculiar/x509']) expect({ name, loaded: loaded(name) }).toEqual({ name, loaded: false });
    expect(scripts.filter((url) => url.includes('/node_modules/systeminformation/')).map((url) => path.basename(url)).sort()).toEqual(['memory.js', 'network.js', 'util.js']);
  }, 90_000);
});
