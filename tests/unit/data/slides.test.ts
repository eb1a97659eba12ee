import { describe, expect, it } from 'vitest';
import { loadDeck, loadSlide, slideFile } from '../../../src/lib/data/slides';
import { slideOf as slide } from '../../fixtures/slides/slide';

/** A fake fetch serving a fixed table of path → (status, body), counting requests. */
function fakeFetch(files: Record<string, { status?: number; body: string }>) {
  const requests: string[] = [];
  const fn = (async (input: RequestInfo | URL) => {
    const url = String(input);
    requests.push(url);
    const entry = files[url];
    if (!entry) return new Response('not found', { status: 404 });
    return new Response(entry.body, { status: entry.status ?? 200 });
  }) as typeof fetch;
  return { fn, requests };
}

describe('slide files', () => {
  it('are one file per territory under /presentation/diapositives, after the base path', () => {
    expect(slideFile('38185')).toBe('/presentation/diapositives/38185.json');
    expect(slideFile('QN03801M', '/atlas')).toBe('/atlas/presentation/diapositives/QN03801M.json');
  });

  it('loads a valid slide and fetches it once', async () => {
    const { fn, requests } = fakeFetch({
      '/t1/presentation/diapositives/38001.json': { body: JSON.stringify(slide('38001')) }
    });
    expect(await loadSlide(fn, '38001', '/t1')).toEqual(slide('38001'));
    await loadSlide(fn, '38001', '/t1');
    expect(requests).toEqual(['/t1/presentation/diapositives/38001.json']);
  });

  it('names the file and the field of a slide that breaks the contract', async () => {
    const bad = { ...slide('38002'), figures: [{ ...slide('38002').figures[0], id: 'inconnu' }] };
    const { fn } = fakeFetch({
      '/t2/presentation/diapositives/38002.json': { body: JSON.stringify(bad) }
    });
    await expect(loadSlide(fn, '38002', '/t2')).rejects.toThrow(
      /^Fichier \/t2\/presentation\/diapositives\/38002\.json, champ « figures\[0\]\.id »/
    );
  });

  it('refuses a file holding another territory’s slide', async () => {
    const { fn } = fakeFetch({
      '/t3/presentation/diapositives/38003.json': { body: JSON.stringify(slide('38004')) }
    });
    await expect(loadSlide(fn, '38003', '/t3')).rejects.toThrow(
      'Fichier /t3/presentation/diapositives/38003.json, champ « code » : diapositive de 38004 au lieu de 38003'
    );
  });

  it('says a missing slide is missing, and tries again on the next call', async () => {
    const files: Record<string, { body: string }> = {};
    const { fn, requests } = fakeFetch(files);
    await expect(loadSlide(fn, '38005', '/t4')).rejects.toThrow(
      /^Fichier \/t4\/presentation\/diapositives\/38005\.json : introuvable \(HTTP 404\)/
    );
    files['/t4/presentation/diapositives/38005.json'] = { body: JSON.stringify(slide('38005')) };
    expect((await loadSlide(fn, '38005', '/t4')).code).toBe('38005');
    expect(requests).toHaveLength(2);
  });

  it('loads a sequence in its order; a broken map file is settled, the slides still load', async () => {
    const { fn } = fakeFetch({
      '/t5/presentation/diapositives/38007.json': { body: JSON.stringify(slide('38007')) },
      '/t5/presentation/diapositives/38006.json': { body: JSON.stringify(slide('38006')) },
      '/t5/geo/svg-overview.json': { body: '{"truncated":' }
    });
    const deck = await loadDeck(fn, ['38007', '38006'], '/t5');
    expect(deck.slides.map((s) => s.code)).toEqual(['38007', '38006']);
    expect(deck.geometry.ok).toBe(false);
    if (!deck.geometry.ok)
      expect(deck.geometry.error).toMatch(/^Fichier \/t5\/geo\/svg-overview\.json : JSON invalide/);
  });
});
