// Entry of a renderer process (pool.ts forks it). It starts from plain JavaScript, so this registers
// tsx to load the TypeScript sources, as bin/inkstand.mjs does for the CLI.
import { register } from 'tsx/esm/api';

register();
await import('./worker-main.ts');
