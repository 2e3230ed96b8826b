#!/usr/bin/env node
// `npm run bench [-- FILTER] [--json]`: runs the benchmarks from TypeScript source through tsx.
import { register } from 'tsx/esm/api';

register();
await import('../bench/index.ts');
