import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import { compileHints } from './scripts/vite/compile-hints';
import { manifestListsEveryFile } from './scripts/vite/manifest-lists-every-file';
import { preloadScan } from './scripts/vite/preload-scan';
import { routerOptionsClosest } from './scripts/vite/router-options-closest';

export default defineConfig({
  plugins: [
    sveltekit(),
    manifestListsEveryFile(),
    routerOptionsClosest(),
    preloadScan(),
    compileHints()
  ],
  build: {
    rollupOptions: {
      output: {
        // Side-effect-free chunks under ~40 KB are merged into a chunk loaded with them: `/` asks
        // for 15 scripts instead of 40 (+1 KB gzip). On a 2-core machine each request and module
        // was work for the browser process and the page's main thread, and the page's first
        // layout waits on the browser process for its fonts: Lighthouse's TBT on `/` went from
        // 470–690 ms to 190–440 ms, interleaved runs (`npm run bench`, issue 12).
        experimentalMinChunkSize: 40_000
      }
    },
    modulePreload: {
      // A page's own modules: its prerendered HTML lists them already (<link rel="modulepreload">),
      // and Vite's helper looked each one up again among the page's links in the page's first
      // task (~15 ms on a slow phone). Other lazy imports (MapLibre, the slides' loader) keep
      // their dependencies fetched in parallel. Stylesheets always load.
      resolveDependencies: (_file, deps, { hostId }) =>
        /(^|\/)entry\/app\.[^/]+\.js$/.test(hostId) ? [] : deps
    }
  },
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    // beforeAll hooks build the whole pipeline on the mirror: slow on a loaded machine.
    hookTimeout: 60_000
  }
});
