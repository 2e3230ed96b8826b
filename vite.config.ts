import react from '@vitejs/plugin-react';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin, type UserConfig } from 'vite';

const root = path.dirname(fileURLToPath(import.meta.url));
const mainDir = path.join(root, 'main') + path.sep;

/** The built UI may talk only to the server it came from; no inline scripts, no remote code. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Fails the build when renderer code reaches into main/ or electron at run time (eslint also catches type imports). */
function rendererBoundary(): Plugin {
  return {
    name: 'inkstand:renderer-boundary',
    enforce: 'pre',
    async resolveId(source, importer) {
      if (!importer || importer.includes('node_modules')) return null;
      if (source === 'electron') this.error(`${importer} imports electron: the renderer talks to main through the preload bridge only`);
      const resolved = await this.resolve(source, importer, { skipSelf: true });
      if (resolved && resolved.id.startsWith(mainDir)) this.error(`${importer} imports ${source} from main/: shared shapes live in contract/`);
      return null;
    },
  };
}

function contentSecurityPolicy(): Plugin {
  return {
    name: 'inkstand:csp',
    apply: 'build',
    transformIndexHtml: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY }, injectTo: 'head-prepend' }],
  };
}

const renderer: UserConfig = {
  root: path.join(root, 'renderer'),
  base: './',
  plugins: [react(), rendererBoundary(), contentSecurityPolicy()],
  build: { outDir: path.join(root, 'dist', 'renderer'), emptyOutDir: true, chunkSizeWarningLimit: 400 },
  server: {
    // bin/dev.mjs sets the server's address; the dev UI then calls /api on its own origin.
    proxy: { '/api': { target: process.env.INKSTAND_DEV_API ?? 'http://127.0.0.1:8000', changeOrigin: false } },
  },
};

/** The preload runs sandboxed: one CommonJS file that requires nothing but electron. */
const preload: UserConfig = {
  build: {
    outDir: path.join(root, 'dist', 'preload'),
    emptyOutDir: true,
    minify: false,
    lib: { entry: path.join(root, 'preload', 'preload.ts'), formats: ['cjs'], fileName: () => 'preload.cjs' },
    rolldownOptions: { external: ['electron'] },
  },
};

export default defineConfig(({ mode }) => (mode === 'preload' ? preload : renderer));
