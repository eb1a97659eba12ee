import { describe, expect, it } from 'vitest';
import { ExplorerState } from '../../../src/lib/state/explorer-state.svelte';

describe('ExplorerState', () => {
  it('starts on the default view with an empty query', () => {
    const s = new ExplorerState();
    expect(s.query).toBe('');
    expect(s.hasLayer('qpv')).toBe(true);
  });

  it('restores a shared link and writes the same query back', () => {
    const s = new ExplorerState();
    s.load('indicateur=taux_pauvrete&methode=jenks&couches=qpv,arrets&selection=38185');
    expect(s.view.indicator).toBe('taux_pauvrete');
    expect(s.view.method).toBe('jenks');
    expect(s.view.layers).toEqual(['qpv', 'arrets']);
    expect(s.view.selected).toBe('38185');
    expect(new URLSearchParams(s.query)).toEqual(
      new URLSearchParams(
        'indicateur=taux_pauvrete&methode=jenks&couches=qpv,arrets&selection=38185'
      )
    );
  });

  it('a link without parameters changes nothing; another link changes only what it names', () => {
    const s = new ExplorerState();
    const layers = s.view.layers;
    const breaks = s.view.breaks;
    s.load('');
    expect(s.view.layers).toBe(layers);
    expect(s.view.breaks).toBe(breaks);
    s.load('couches=qpv');
    expect(s.view.layers).toEqual(['qpv']);
    expect(s.view.breaks).toBe(breaks);
    s.load('indicateur=inconnu');
    expect(s.urlWarnings).toHaveLength(1);
    expect(s.view.layers).toEqual(['qpv', 'noms']);
    s.load('');
    expect(s.urlWarnings).toEqual([]);
  });

  it('toggles layers in a stable order', () => {
    const s = new ExplorerState();
    s.toggleLayer('fond', true);
    s.toggleLayer('arrets', true);
    s.toggleLayer('qpv', false);
    expect(s.view.layers).toEqual(['arrets', 'noms', 'fond']);
    expect(s.query).toBe('couches=arrets%2Cnoms%2Cfond');
  });

  it('announces a selection and its clearing', () => {
    const s = new ExplorerState();
    s.select('38185', (code) => `Commune ${code} sélectionnée`);
    expect(s.view.selected).toBe('38185');
    expect(s.announcement).toBe('Commune 38185 sélectionnée');
    expect(s.query).toBe('selection=38185');
    s.select(null, () => 'unused');
    expect(s.announcement).toBe('Sélection effacée.');
    expect(s.query).toBe('');
  });
});
