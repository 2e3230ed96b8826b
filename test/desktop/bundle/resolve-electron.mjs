// A module resolution hook (node --import): `electron` is the stand-in beside this file.
import { register } from 'node:module';

register('data:text/javascript,' + encodeURIComponent(`
  export async function resolve(specifier, context, next) {
    if (specifier === 'electron') return next(${JSON.stringify(new URL('./electron-stand-in.ts', import.meta.url).href)}, context);
    return next(specifier, context);
  }
`));
