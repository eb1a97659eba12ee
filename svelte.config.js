import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
  preprocess: vitePreprocess(),
  compilerOptions: { runes: true },
  kit: {
    adapter: adapter({ pages: 'build', assets: 'build', fallback: undefined, strict: true }),
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
