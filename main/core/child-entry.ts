import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The file a child process of the server starts from: `name` beside the module at `besideUrl` (run
 * from the sources, an entry that registers tsx; in the bundle, dist/main's bundled entry of that
 * name), or in INKSTAND_CHILD_ENTRY_DIR where that is set. The test run sets it to the bundle it
 * builds: started from the sources, every image or certificate process of the servers tests start in
 * their own process loaded them through tsx, 0.3–0.6 s more CPU each, over a hundred times a run.
 */
export function childEntry(name: string, besideUrl: string): string {
  const dir = process.env.INKSTAND_CHILD_ENTRY_DIR;
  return dir ? path.join(dir, name) : fileURLToPath(new URL(`./${name}`, besideUrl));
}
