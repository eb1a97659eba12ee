import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/**
 * Id of this build of the app, code and data together: SvelteKit's `version` (the service
 * worker's cache name, `version` of $app/environment) and `build.id` of the published
 * meta.json, which the service worker compares with the server's copy to detect a redeploy.
 * A UTC timestamp (`20261129T231500Z`), so every build gets a new one; ATLAS_BUILD_ID overrides it.
 * Kept in the environment: one build evaluates this file several times (Vite, SvelteKit, the
 * prerendering worker) and all must agree.
 */
const buildId = (process.env.ATLAS_BUILD_ID ||= new Date()
  .toISOString()
  .replace(/[-:]/g, '')
  .replace(/\.\d+Z$/, 'Z'));

/**
 * Writes `file.gz` and `file.br` beside a file, as SvelteKit's `precompress` does.
 * @param {string} file
 */
function precompressFile(file) {
  const bytes = readFileSync(file);
  writeFileSync(`${file}.gz`, gzipSync(bytes, { level: 9 }));
  writeFileSync(
    `${file}.br`,
    brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } })
  );
}

/**
 * adapter-static, then: the build id stamped into the published `data/meta.json` (the
 * prerendered pages keep the pipeline's copy, their own id is `version`), and `.br`/`.gz`
 * beside the data files SvelteKit's `precompress` leaves out (it knows .json but not .geojson
 * nor .csv, the largest files of the site).
 * @param {import('@sveltejs/adapter-static').AdapterOptions} options
 * @returns {import('@sveltejs/kit').Adapter}
 */
function staticWithBuildId(options) {
  const inner = adapter(options);
  return {
    name: 'atlas-plh-static',
    async adapt(builder) {
      await inner.adapt(builder);
      const dir = options.pages ?? 'build';
      const metaPath = join(dir, 'data', 'meta.json');
      if (!existsSync(metaPath)) {
        throw new Error(
          `${metaPath} absent : lancez \`npm run data\` avant de construire le site.`
        );
      }
      const meta = JSON.parse(readFileSync(metaPath, 'utf8'));
      meta.build = { id: builder.config.kit.version.name };
      writeFileSync(metaPath, JSON.stringify(meta));
      if (!options.precompress) return;
      precompressFile(metaPath);
      for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
        if (entry.isFile() && /\.(geojson|csv)$/.test(entry.name)) {
          precompressFile(join(entry.parentPath, entry.name));
        }
      }
    }
  };
}

/** @type {import('@sveltejs/kit').Config} */
const config = {
  preprocess: vitePreprocess(),
  compilerOptions: { runes: true },
  kit: {
    // precompress: .br and .gz files beside each asset, for a server's gzip_static/brotli_static.
    adapter: staticWithBuildId({
      pages: 'build',
      assets: 'build',
      fallback: undefined,
      strict: true,
      precompress: true
    }),
    version: { name: buildId },
    // A page's stylesheets (≤ 16 KB each, ~20 KB in all on a page) are written into its <head>:
    // the first paint waited for eight render-blocking requests, a round trip each on a slow
    // network. (Client-side navigations still load them as files.)
    inlineStyleThreshold: 16384,
    prerender: { handleHttpError: 'fail', handleMissingId: 'fail' },
    csp: {
      mode: 'hash',
      directives: {
        'default-src': ['self'],
        'script-src': ['self'],
        'style-src': ['self', 'unsafe-inline'],
        // The optional online basemap (Plan IGN, src/lib/components/map/basemap.ts) is the only outside origin.
        'img-src': ['self', 'data:', 'blob:', 'https://data.geopf.fr'],
        'worker-src': ['self', 'blob:'],
        'connect-src': ['self', 'https://data.geopf.fr'],
        'font-src': ['self'],
        'object-src': ['none'],
        'base-uri': ['self'],
        'form-action': ['self']
      }
    }
  }
};

export default config;
