import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import { manifestListsEveryFile } from './scripts/vite/manifest-lists-every-file';

export default defineConfig({
  plugins: [sveltekit(), manifestListsEveryFile()],
  build: {
    // The prerendered pages already list their modules (<link rel="modulepreload">); Vite's
    // helper would look each one up again among the page's links before a page's code loads,
    // ~15 ms of a slow phone's first task. Stylesheets of lazily loaded parts are still loaded.
    modulePreload: false
  },
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    // beforeAll hooks build the whole pipeline on the mirror: slow on a loaded machine.
    hookTimeout: 60_000
  }
});
