import { describe, expect, it } from 'vitest';
import { layerToggles, MAPLIBRE_ONLY_LAYERS } from '../../../../src/lib/components/explorer/layers';
import { decodeView } from '../../../../src/lib/map/url-state';

describe('layerToggles', () => {
  it.each([
    {
      shown: [] as const,
      expected: { qpv: false, lignes: false, arrets: false, noms: false, fond: false }
    },
    {
      shown: ['qpv', 'noms'] as const,
      expected: { qpv: true, lignes: false, arrets: false, noms: true, fond: false }
    },
    {
      shown: ['qpv', 'lignes', 'arrets', 'noms', 'fond'] as const,
      expected: { qpv: true, lignes: true, arrets: true, noms: true, fond: true }
    },
    {
      shown: ['arrets'] as const,
      expected: { qpv: false, lignes: false, arrets: true, noms: false, fond: false }
    }
  ])('$shown → toggles', ({ shown, expected }) => {
    expect(layerToggles(shown)).toEqual(expected);
  });

  // What the explorer's module reads from a shared link before hydrating: does it hand the map
  // over to MapLibre (and so preload it)?
  it.each([
    ['', false],
    ['couches=qpv,noms', false],
    ['couches=qpv,lignes,arrets,noms', true],
    ['couches=arrets', true],
    ['couches=fond', true],
    ['couches=', false],
    ['couches=inconnue,noms', false]
  ])('?%s asks for a MapLibre-only layer: %s', (query, expected) => {
    const { layers } = decodeView(new URLSearchParams(query));
    const toggles = layerToggles(layers);
    expect(MAPLIBRE_ONLY_LAYERS.some((id) => toggles[id])).toBe(expected);
  });
});
