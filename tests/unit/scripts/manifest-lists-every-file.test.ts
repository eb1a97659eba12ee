import { describe, expect, it } from 'vitest';
import type { Manifest } from 'vite';
import { UNLISTED_KEY, withUnlistedFiles } from '../../../scripts/vite/manifest-lists-every-file';

const manifest: Manifest = {
  '.svelte-kit/generated/client-optimized/app.js': {
    file: '_app/immutable/entry/app.A1.js',
    css: ['_app/immutable/assets/0.C1.css'],
    assets: ['_app/immutable/assets/maplibre.M1.mjs']
  },
  '_B2.js': { file: '_app/immutable/chunks/B2.js' }
};

describe('withUnlistedFiles', () => {
  const cases: { name: string; written: string[]; added: string[] }[] = [
    {
      name: 'a worker the manifest leaves out is added',
      written: ['_app/immutable/entry/app.A1.js', '_app/immutable/workers/labels.worker-X.js'],
      added: ['_app/immutable/workers/labels.worker-X.js']
    },
    {
      name: 'files named as file, css or assets are not added again',
      written: [
        '_app/immutable/entry/app.A1.js',
        '_app/immutable/assets/0.C1.css',
        '_app/immutable/assets/maplibre.M1.mjs',
        '_app/immutable/chunks/B2.js'
      ],
      added: []
    },
    {
      name: 'files outside the immutable directory are left out (manifest, version.json)',
      written: ['.vite/manifest.json', '_app/version.json', '_app/immutable/assets/font.F1.woff2'],
      added: ['_app/immutable/assets/font.F1.woff2']
    }
  ];
  for (const c of cases) {
    it(c.name, () => {
      const result = withUnlistedFiles(manifest, c.written, '_app/immutable/');
      const added = Object.entries(result)
        .filter(([key]) => !(key in manifest))
        .map(([key, chunk]) => {
          expect(key).toBe(`${UNLISTED_KEY}${chunk.file}`);
          return chunk.file;
        });
      expect(added).toEqual(c.added);
      // The existing entries are kept as they were.
      for (const key of Object.keys(manifest)) expect(result[key]).toBe(manifest[key]);
    });
  }

  it('does not modify its input', () => {
    const copy = structuredClone(manifest);
    withUnlistedFiles(manifest, ['_app/immutable/workers/w.js'], '_app/immutable/');
    expect(manifest).toEqual(copy);
  });
});
