/**
 * PrerenderedMarkup decides when a `{@html}` block keeps the prerendered markup (placeholder) and
 * when it builds its own. Runes run in this test (.svelte.ts module); `window` is set before the
 * module is loaded, as in a browser during the first hydration.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

type Module = typeof import('../../../src/lib/components/prerendered-markup.svelte');
let m: Module;

beforeEach(async () => {
  vi.resetModules();
  vi.stubGlobal('window', {});
  m = await import('../../../src/lib/components/prerendered-markup.svelte');
});
afterEach(() => vi.unstubAllGlobals());

describe('PrerenderedMarkup', () => {
  it('keeps the prerendered markup while the inputs stay the same, then builds for good', () => {
    const block = new m.PrerenderedMarkup();
    const rows = [{ code: '38185' }, { code: '38151' }];
    expect(block.keep(() => [rows, 'desc'])).toBe(true);
    // Filtered again into a new array of the same rows: still the prerendered markup.
    expect(block.keep(() => [[...rows], 'desc'])).toBe(true);
    expect(block.keep(() => [rows, 'asc'])).toBe(false);
    // Once built, always built, even when the inputs come back.
    expect(block.keep(() => [rows, 'desc'])).toBe(false);
  });

  it('reads the inputs only while the prerendered markup may be kept', () => {
    const block = new m.PrerenderedMarkup();
    let reads = 0;
    const inputs = (sort: string) => () => (reads++, [sort]);
    block.keep(inputs('desc'));
    block.keep(inputs('asc'));
    expect(reads).toBe(2);
    block.keep(inputs('desc'));
    expect(reads).toBe(2);
  });

  it('a block created after the first hydration builds its markup at once', () => {
    m.endFirstHydration();
    expect(new m.PrerenderedMarkup().keep(() => [1])).toBe(false);
  });

  it('a block first evaluated after the first hydration builds its markup at once', () => {
    const block = new m.PrerenderedMarkup();
    m.endFirstHydration();
    expect(block.keep(() => [1])).toBe(false);
  });

  it('builds at once when the prerendered markup turns out to be missing', () => {
    const block = new m.PrerenderedMarkup();
    expect(block.keep(() => [1])).toBe(true);
    const empty = { querySelector: () => null } as unknown as Element;
    block.check(empty, 'tr');
    expect(block.keep(() => [1])).toBe(false);
  });

  it('found markup is kept', () => {
    const block = new m.PrerenderedMarkup();
    expect(block.keep(() => [1])).toBe(true);
    block.check({ querySelector: () => ({}) } as unknown as Element, 'tr');
    expect(block.keep(() => [1])).toBe(true);
  });

  it('outside a browser (prerendering) the markup is always built', async () => {
    vi.unstubAllGlobals();
    vi.resetModules();
    const server: Module = await import('../../../src/lib/components/prerendered-markup.svelte');
    expect(new server.PrerenderedMarkup().keep(() => [1])).toBe(false);
  });
});
