import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import { manifestListsEveryFile } from './scripts/vite/manifest-lists-every-file';

export default defineConfig({
  plugins: [sveltekit(), manifestListsEveryFile()],
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    // beforeAll hooks build the whole pipeline on the mirror: slow on a loaded machine.
    hookTimeout: 60_000
  }
});
