import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));

/** The browser app, built to dist/web, which the api serves at `/` (apps/api/src/web/web-app.ts). */
export default defineConfig({
  root: here,
  build: {
    outDir: `${here}../../dist/web`,
    emptyOutDir: true,
    target: 'es2022',
    // The budgets in .size-limit.json count gzipped JavaScript; no source maps shipped.
    sourcemap: false,
    reportCompressedSize: false,
    rolldownOptions: {
      output: {
        // Catalogs are named for what they hold (`strings-shared-en`, `strings-agent-fr`), so budgets can name them.
        chunkFileNames: (chunk) => {
          const catalog = /\/src\/(?:([\w-]+)\/)?i18n\/(\w+)\.json$/.exec(chunk.facadeModuleId ?? '');
          return catalog
            ? `assets/strings-${catalog[1] ?? 'shared'}-${catalog[2]}-[hash].js`
            : 'assets/[name]-[hash].js';
        },
      },
      // React libraries mark their modules "use client" for server components; a browser bundle needs no such mark.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
  // `npx vite apps/web` serves the app with hot reload beside an api on 3000 (`npm start`).
  server: {
    host: '127.0.0.1',
    port: 5173,
    proxy: { '/v1': 'http://127.0.0.1:3000', '/app-config.json': 'http://127.0.0.1:3000' },
  },
});
