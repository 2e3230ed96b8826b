// Electron starts here (package.json "main"). Main's code is TypeScript run from source, like the
// CLI: register tsx's loader, then import the TypeScript entry. `npm start` builds the renderer and
// the preload (dist/) first; the preload must be a bundled CommonJS file because it runs sandboxed.
const { register } = require('tsx/esm/api');

register();
import('./main.ts').catch((err) => {
  console.error('Inkstand failed to start:', err);
  process.exit(1);
});
