#!/usr/bin/env node
// Runs the CLI from TypeScript source through tsx, so a checkout needs no build step.
import { register } from 'tsx/esm/api';

register();
await import('../main/cli/index.ts');
