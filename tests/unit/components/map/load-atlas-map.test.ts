import { describe, expect, it } from 'vitest';
import { atlasMapFiles } from '../../../../src/lib/components/map/load-atlas-map';
import { DATA_FILES } from '../../../../src/lib/data/app-data';

describe('atlasMapFiles', () => {
  it.each([
    [{}, ['communes']],
    [{ noms: true, fond: true }, ['communes']],
    [{ qpv: true }, ['communes', 'qpv']],
    [{ lignes: true }, ['communes', 'transitLines']],
    [{ arrets: true, qpv: false }, ['communes', 'transitStops']],
    [
      { qpv: true, lignes: true, arrets: true, noms: true },
      ['communes', 'qpv', 'transitLines', 'transitStops']
    ]
  ])('%o → %o', (layers, expected) => {
    expect(atlasMapFiles(layers)).toEqual(expected);
  });

  it('names files the loaders know (the preload and the later fetch use the same path)', () => {
    for (const key of atlasMapFiles({ qpv: true, lignes: true, arrets: true }))
      expect(DATA_FILES[key]).toMatch(/^\/geo\/[a-z-]+\.geojson$/);
  });
});
