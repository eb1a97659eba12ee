/**
 * Linking on real outputs of the pipeline: the mirror `../shared/sources` is read in place (the
 * suite skips when it is absent), the indicators step computes the territory profiles, and the
 * curated base `data/workshop/propositions.csv` is linked to them.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildOutputs } from '../../../scripts/lib/build';
import { buildIndicatorsFile } from '../../../scripts/lib/indicators-step';
import { parseWorkshopCsv } from '../../../src/lib/data/workshop';
import { itemsForTerritory } from '../../../src/lib/linking/items-for-territory';
import {
  countItemsByTerritory,
  territoriesForItem
} from '../../../src/lib/linking/territories-for-item';
import { linkingStats } from '../../../src/lib/linking/stats';
import type { TerritoryProfile } from '../../../src/lib/schemas/tags';
import type { WorkshopItem } from '../../../src/lib/schemas/workshop';

const SOURCES = resolve(import.meta.dirname, '../../../../shared/sources');
const EPCI = '200040715';
const available = existsSync(SOURCES);

async function build() {
  const { outputs } = await buildOutputs({ sourcesDir: SOURCES, epci: EPCI, cacheDir: null });
  const indicators = buildIndicatorsFile({
    epci: EPCI,
    communes: outputs.communes,
    qpv: outputs.qpv,
    transitStops: outputs.transitStops,
    grid: outputs.populationGrid,
    sru: outputs.sru,
    insee: outputs.insee
  });
  return { outputs, indicators };
}

const data = available ? await build() : null;
const { items, errors } = parseWorkshopCsv(
  readFileSync(resolve(import.meta.dirname, '../../../data/workshop/propositions.csv'), 'utf8')
);
// The QPV and transit steps may not be in the pipeline yet: their tests wait for real data.
const hasQpv = (data?.outputs.qpv.features.length ?? 0) > 0;
const hasStops = (data?.outputs.transitStops.features.length ?? 0) > 0;

const shown = (profile: TerritoryProfile, filter = {}) =>
  itemsForTerritory(profile, items, filter).themes.flatMap((t) =>
    t.columns.flatMap((c) => c.items)
  );
const ids = (profile: TerritoryProfile, filter = {}) =>
  shown(profile, filter).map((l) => l.item.id);
const only = (tag: string) => (i: WorkshopItem) =>
  i.kind !== 'intro' &&
  (i.tags.length === 1
    ? i.tags[0] === tag
    : i.condition === 'all' && i.tags.includes(tag as never));

describe.skipIf(!available)('linking on the pipeline outputs (Grenoble-Alpes Métropole)', () => {
  const communes = data?.indicators.communes ?? [];
  const tagged = (tag: string) =>
    communes.filter((c) => c.profile.evidence.some((e) => e.tag === tag));

  it('reads the base without errors and has profiles for the 49 communes', () => {
    expect(errors).toEqual([]);
    expect(communes).toHaveLength(49);
  });

  it('gives every déficitaire commune the theme-1 rebalancing actions, citing its SRU rate', () => {
    const deficit = tagged('sru_deficitaire');
    expect(deficit.length).toBeGreaterThan(0);
    for (const c of deficit) {
      const actions = shown(c.profile, { theme: 1, column: 'action' }).filter((l) => !l.universal);
      expect(
        actions.map((a) => a.item.id),
        c.nom
      ).toContain('T1-AC-09');
      const why = actions.find((a) => a.item.id === 'T1-AC-09')?.explanation;
      expect(why).toMatch(
        /^Affiché car la commune est (déficitaire|carencée) SRU avec \d+,\d\s%\sde logements locatifs sociaux \(LLS\) pour un objectif de \d+\s% \(inventaire SRU au 1er janvier \d{4}\)[.,]/
      );
    }
  });

  it('ranks a déficitaire item by the size of the deficit (largest gap to the target first)', () => {
    const ranked = territoriesForItem(
      items.find((i) => i.id === 'T1-AC-09') as WorkshopItem,
      communes.map((c) => c.profile)
    );
    const gap = new Map(
      (data?.outputs.sru.records ?? []).map((r) => [
        r.code,
        r.targetPct !== null && r.ratePct !== null ? r.targetPct - r.ratePct : null
      ])
    );
    const gaps = ranked.map((t) => gap.get(t.code) ?? null);
    expect(gaps.every((g) => g !== null && g > 0)).toBe(true);
    const largest = Math.max(...gaps.map((g) => g ?? 0));
    expect(gaps[0]).toBe(largest);
    // Non-increasing, up to the cap of the strength at 1.
    ranked.forEach((t, i) => {
      if (i > 0) expect(t.score).toBeLessThanOrEqual(ranked[i - 1]?.score ?? 1);
    });
  });

  it.skipIf(!hasQpv)('shows no QPV-only item to a déficitaire commune without QPV', () => {
    const candidates = communes.filter(
      (c) =>
        c.qpvCodes.length === 0 &&
        c.profile.evidence.some((e) => e.tag === 'sru_deficitaire') &&
        c.profile.evidence.some((e) => e.tag === 'sans_qpv')
    );
    expect(candidates.length).toBeGreaterThan(0);
    const qpvOnly = new Set(items.filter(only('qpv')).map((i) => i.id));
    expect(qpvOnly.size).toBeGreaterThan(10);
    for (const c of candidates) {
      expect(
        ids(c.profile).filter((id) => qpvOnly.has(id)),
        c.nom
      ).toEqual([]);
      expect(ids(c.profile, { theme: 1, column: 'action' }), c.nom).toContain('T1-AC-09');
    }
  });

  it.skipIf(!hasQpv)('gives theme-4 items to every commune with a QPV, and to each QPV', () => {
    const withQpv = communes.filter((c) => c.qpvCodes.length > 0);
    expect(withQpv.length).toBeGreaterThan(0);
    const profiles = [
      ...withQpv.map((c) => c.profile),
      ...(data?.indicators.qpv ?? []).map((q) => q.profile)
    ];
    for (const p of profiles) {
      const t4 = shown(p, { theme: 4 }).filter((l) => !l.universal);
      expect(t4.length, p.nom).toBeGreaterThan(20);
      expect(t4[0]?.explanation).toMatch(/^Affiché car (la commune compte|le quartier est)/);
    }
  });

  it.skipIf(!hasStops)(
    'gives the items about territories without TC to communes without a stop',
    () => {
      const withStop = new Set(
        (data?.outputs.transitStops.features ?? []).map((f) => f.properties.commune)
      );
      const noStop = communes.filter((c) => !withStop.has(c.code));
      expect(noStop.length).toBeGreaterThan(0);
      for (const c of noStop) {
        expect(ids(c.profile), c.nom).toEqual(
          expect.arrayContaining(['T1-PB-16', 'T1-ID-09', 'T2-PB-04'])
        );
      }
      const served = communes.filter(
        (c) =>
          withStop.has(c.code) &&
          !c.profile.evidence.some((e) => e.tag === 'desserte_tc_faible' || e.tag === 'sans_tc')
      );
      for (const c of served) expect(ids(c.profile), c.nom).not.toContain('T1-PB-16');
      // « territoires sans TC »: not shown where the commune has a stop, even weakly served.
      for (const c of communes.filter((x) => withStop.has(x.code))) {
        expect(ids(c.profile), c.nom).not.toContain('T1-PB-16');
      }
    }
  );

  it('shows every tous item to every commune and QPV, after the targeted ones', () => {
    const tous = items.filter((i) => i.tags.includes('tous')).map((i) => i.id);
    expect(tous.length).toBeGreaterThan(0);
    const profiles = [
      ...communes.map((c) => c.profile),
      ...(data?.indicators.qpv ?? []).map((q) => q.profile)
    ];
    for (const p of profiles) {
      expect(ids(p), p.nom).toEqual(expect.arrayContaining(tous));
      for (const theme of itemsForTerritory(p, items).themes) {
        for (const col of theme.columns) {
          const firstTous = col.items.findIndex((l) => l.universal);
          if (firstTous >= 0)
            expect(col.items.slice(firstTous).every((l) => l.universal)).toBe(true);
        }
      }
    }
    const { counts } = countItemsByTerritory(items, profiles);
    expect(new Set(counts.map((c) => c.universal))).toEqual(new Set([tous.length]));
  });

  it('meets the targets of issue 11: ≤ 45 % universal items, ≥ 20 distinct sets', () => {
    const stats = linkingStats(
      items,
      communes.map((c) => c.profile)
    );
    expect(stats.items).toBe(211);
    expect(stats.universalSharePct).toBeLessThanOrEqual(45);
    expect(stats.distinctSets).toBeGreaterThanOrEqual(20);
  });

  it('no longer sends the social-vacancy items to villages without social housing', () => {
    for (const code of ['38187', '38478']) {
      const c = communes.find((x) => x.code === code);
      expect(c?.sruStatus, code).toBe('non_soumise');
      expect(ids(c!.profile), c!.nom).not.toEqual(expect.arrayContaining(['T2-ID-15']));
      expect(ids(c!.profile), c!.nom).not.toContain('T2-AC-08');
      expect(ids(c!.profile), c!.nom).not.toContain('T4-AC-07');
    }
    const grenoble = communes.find((x) => x.code === '38185')!;
    const why = shown(grenoble.profile).find((l) => l.item.id === 'T2-ID-15')?.explanation;
    expect(why).toMatch(
      /^Affiché car la commune compte 20\s532 logements locatifs sociaux \(LLS\)/
    );
  });

  it('tags the twins T1-AC-02 and T1-AC-06 alike where they share words', () => {
    const byId = new Map(items.map((i) => [i.id, i]));
    expect(byId.get('T1-AC-06')?.tags).toEqual(['sru_deficitaire']);
    expect(byId.get('T1-AC-02')?.tags).toEqual(['qpv', 'sru_deficitaire']);
    expect(byId.get('T4-AC-07')?.tags).not.toEqual(expect.arrayContaining(['qpv', 'sans_qpv']));
  });

  it('finds poverty outside the QPV communes (pockets or rate), not only where there is a QPV', () => {
    const poorNoQpv = communes.filter(
      (c) =>
        c.qpvCodes.length === 0 &&
        c.profile.evidence.some(
          (e) => e.tag === 'poches_pauvrete_hors_qpv' || e.tag === 'pauvrete_elevee'
        )
    );
    expect(poorNoQpv.length).toBeGreaterThan(0);
    for (const c of poorNoQpv) expect(ids(c.profile), c.nom).toContain('T2-PB-01');
  });

  it('writes one SRU clause for a carencée commune, and names the M réso network', () => {
    const carencees = communes.filter((c) => c.sruStatus === 'carencee');
    expect(carencees.length).toBeGreaterThan(0);
    for (const c of carencees) {
      const why = shown(c.profile).find((l) => l.item.id === 'T1-PB-11')?.explanation ?? '';
      expect(why, c.nom).toMatch(/^Affiché car la commune est carencée SRU avec/);
      expect(why, c.nom).not.toMatch(/déficitaire/);
      expect(why.endsWith('.'), c.nom).toBe(true);
    }
    const all = communes.flatMap((c) => shown(c.profile).map((l) => l.explanation));
    for (const w of all) {
      expect(w).not.toMatch(/n'a que 0,0|transport en commun|\.\.$/);
      expect(w.endsWith('.')).toBe(true);
      expect((w.match(/logements locatifs sociaux/g) ?? []).length).toBeLessThanOrEqual(1);
    }
  });
});
