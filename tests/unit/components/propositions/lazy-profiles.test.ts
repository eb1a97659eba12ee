import { existsSync, readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LazyProfiles } from '../../../../src/lib/components/propositions/lazy-profiles.svelte';

const REAL = 'static/data/indicators.json';

afterEach(() => {
  vi.unstubAllGlobals();
});

/** Waits until the loader has settled (loaded or failed). */
async function settled(p: LazyProfiles): Promise<void> {
  await vi.waitFor(() => expect(p.list !== null || p.error !== null).toBe(true));
}

describe('LazyProfiles', () => {
  it('does not fetch before load() is called', () => {
    const fetch = vi.fn();
    vi.stubGlobal('fetch', fetch);
    const p = new LazyProfiles();
    expect(p.list).toBeNull();
    expect(fetch).not.toHaveBeenCalled();
  });

  it.skipIf(!existsSync(REAL))(
    'loads the generated indicators file once: communes then QPV, with their evidence',
    async () => {
      const text = readFileSync(REAL, 'utf8');
      const file = JSON.parse(text) as { communes: { code: string }[]; qpv: { code: string }[] };
      const fetch = vi.fn(async () => new Response(text, { status: 200 }));
      vi.stubGlobal('fetch', fetch);
      const p = new LazyProfiles();
      p.load();
      p.load();
      await settled(p);
      expect(p.error).toBeNull();
      expect(fetch).toHaveBeenCalledTimes(1);
      expect(String((fetch.mock.calls[0] as unknown[])[0])).toMatch(/data\/indicators\.json$/);
      expect(p.list?.map((t) => t.code)).toEqual([
        ...file.communes.map((c) => c.code),
        ...file.qpv.map((q) => q.code)
      ]);
      expect(p.list?.find((t) => t.code === '38185')?.evidence.length).toBeGreaterThan(0);
      p.load();
      expect(fetch).toHaveBeenCalledTimes(1);
    }
  );

  it('says in French which file failed, and tries again on the next load()', async () => {
    const fetch = vi.fn(async () => new Response('absent', { status: 404 }));
    vi.stubGlobal('fetch', fetch);
    const p = new LazyProfiles();
    p.load();
    await settled(p);
    expect(p.list).toBeNull();
    expect(p.error).toMatch(
      /^Les profils des territoires n’ont pas pu être chargés\. Fichier .*indicators\.json/
    );
    p.load();
    await vi.waitFor(() => expect(fetch).toHaveBeenCalledTimes(2));
  });

  it('names the file and gives the connection advice, not the browser’s English text, offline', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => {
        throw new TypeError('Failed to fetch');
      })
    );
    const p = new LazyProfiles();
    p.load();
    await settled(p);
    expect(p.error).toBe(
      'Les profils des territoires n’ont pas pu être chargés. Fichier /data/indicators.json : ' +
        'inaccessible par le réseau ; vérifiez la connexion puis rechargez la page'
    );
  });
});
