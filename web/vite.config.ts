import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/** The dashboard: built into dist/web, which the API server serves at /. */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  build: {
    outDir: fileURLToPath(new URL('../dist/web', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    // Geometry (TopoJSON) is fetched as files, never inlined into the scripts.
    assetsInlineLimit: 0,
    reportCompressedSize: false,
  },
  worker: { format: 'es' },
  server: {
    // `npm run web:dev`: the API runs on 8080 (npm start), Vite serves the page with hot reload.
    proxy: { '/v1': 'http://127.0.0.1:8080', '/openapi.json': 'http://127.0.0.1:8080' },
  },
});
