/**
 * QPV perimeters of the EPCI: commune codes computed by area overlap with the commune contours
 * (the 2015 source has commune names only), 2024 successor from the editable correspondence
 * (checked against the 2024 list's commune), population joined by commune and name.
 */
import { area, bbox, featureCollection, intersect, union } from '@turf/turf';
import type { Feature } from 'geojson';
import type { SourceRef } from '../../src/lib/schemas/common';
import type {
  Qpv2024ListEntry,
  QpvCollection,
  QpvOutlines2015Collection
} from '../../src/lib/schemas/outputs';
import type { CommuneContourFeature } from '../../src/lib/schemas/sources/geo';
import type {
  Qpv2024ListRow,
  QpvCorrespondanceRow,
  QpvPopulationRow
} from '../../src/lib/schemas/sources/qpv';
import { areaHa, checkGeometry, roundGeometry, type AreaGeometry } from './geometry';

export interface QpvPerimeter {
  code: string;
  nom: string;
  generation: '2015' | '2024';
  geometry: AreaGeometry;
}

/**
 * A commune is attached to a QPV when it holds at least this share of the QPV area: the simplified
 * contours leave gaps below 1 % along borders, which must not attach a neighbouring commune.
 */
export const MIN_COMMUNE_SHARE = 0.05;

/** Share of `geometry`'s area lying in each contour, largest first (only shares > 0). */
export function overlapShares(
  geometry: AreaGeometry,
  contours: readonly CommuneContourFeature[]
): { code: string; share: number }[] {
  const f: Feature<AreaGeometry> = { type: 'Feature', properties: {}, geometry };
  const total = area(f);
  if (total === 0) return [];
  const [x0, y0, x1, y1] = bbox(f);
  const out: { code: string; share: number }[] = [];
  for (const c of contours) {
    const [cx0, cy0, cx1, cy1] = bbox(c);
    if (cx1 < x0 || cx0 > x1 || cy1 < y0 || cy0 > y1) continue;
    const inter = intersect(featureCollection<AreaGeometry>([f, c]));
    if (!inter) continue;
    const share = area(inter) / total;
    if (share > 0) out.push({ code: c.properties.code, share });
  }
  return out.sort((a, b) => b.share - a.share);
}

/** Lower case, no accents, punctuation and dash variants as spaces: « La Luire – Viscose » = « la luire viscose ». */
export function normaliseName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

export interface QpvResult {
  collection: QpvCollection;
  list2024: Qpv2024ListEntry[];
  diagnostics: Record<string, string[]>;
  read: number;
  kept: number;
}

export function buildQpv(input: {
  perimeters: readonly QpvPerimeter[];
  contours: readonly CommuneContourFeature[];
  memberCodes: readonly string[];
  list2024: readonly (Qpv2024ListRow & { line?: number })[];
  correspondance: readonly QpvCorrespondanceRow[];
  population: readonly (QpvPopulationRow & { line?: number })[] | null;
  geometryRef: SourceRef;
  populationRef: SourceRef | null;
}): QpvResult {
  const members = new Set(input.memberCodes);
  const listByCode = new Map<string, { nom: string; communes: string[] }>();
  for (const r of input.list2024) {
    const e = listByCode.get(r.code_qp) ?? { nom: r.lib_qp, communes: [] };
    if (!e.communes.includes(r.insee_com)) e.communes.push(r.insee_com);
    listByCode.set(r.code_qp, e);
  }
  const to2024 = new Map(input.correspondance.map((c) => [c.code_2015, c.code_2024]));
  const to2015 = new Map(input.correspondance.map((c) => [c.code_2024, c.code_2015]));

  const diagnostics: Record<string, string[]> = {
    smallOverlapsIgnored: [],
    correspondanceMismatch: [],
    correspondanceUnknown2024: [],
    withoutPopulation: [],
    populationRowsUnmatched: [],
    repaired: []
  };
  const features: QpvCollection['features'] = [];
  const populationUsed = new Set<number>();

  for (const p of input.perimeters) {
    const shares = overlapShares(p.geometry, input.contours);
    const communes = shares.filter((s) => s.share >= MIN_COMMUNE_SHARE).map((s) => s.code);
    if (!communes.some((c) => members.has(c))) continue;
    for (const s of shares) {
      if (s.share < MIN_COMMUNE_SHARE) {
        diagnostics.smallOverlapsIgnored?.push(
          `${p.code} ∩ ${s.code} : ${(s.share * 100).toFixed(2)} %`
        );
      }
    }
    const rounded = roundGeometry(p.geometry, 6);
    if (!rounded) continue;
    const checked = checkGeometry(rounded, `QPV ${p.code}`);
    if (checked.repaired) diagnostics.repaired?.push(`${p.code} : ${checked.repaired}`);
    const geometry = checked.repaired ? roundGeometry(checked.geometry, 6) : rounded;
    if (!geometry) continue;

    let code2024: string | null = p.generation === '2024' ? p.code : (to2024.get(p.code) ?? null);
    if (p.generation === '2015' && code2024 !== null) {
      const listed = listByCode.get(code2024);
      if (!listed) {
        diagnostics.correspondanceUnknown2024?.push(
          `${p.code} → ${code2024} : absent de la liste 2024`
        );
        code2024 = null;
      } else if (!listed.communes.some((c) => communes.includes(c))) {
        diagnostics.correspondanceMismatch?.push(
          `${p.code} → ${code2024} : commune(s) de la liste 2024 ${listed.communes.join(', ')} ≠ commune(s) du périmètre ${communes.join(', ')}`
        );
        code2024 = null;
      }
    }
    const listed2024 = code2024 !== null ? listByCode.get(code2024) : undefined;
    const suffix = code2024?.slice(-1);

    let population: number | null = null;
    if (p.generation === '2015' && input.population) {
      const key = normaliseName(p.nom);
      const idx = input.population.findIndex(
        (r) => communes.includes(r.code_insee) && normaliseName(r.qpv_name) === key
      );
      const row = input.population[idx];
      if (row) {
        population = row.population_2018;
        populationUsed.add(idx);
      }
    }
    // 2024 perimeters get their population from the grid (indicators step), not from this table.
    if (population === null && p.generation === '2015') {
      diagnostics.withoutPopulation?.push(`${p.code} ${p.nom}`);
    }

    features.push({
      type: 'Feature',
      properties: {
        code: p.code,
        nom: p.nom,
        communes,
        generation: p.generation,
        code2024,
        nom2024: listed2024?.nom ?? (p.generation === '2024' ? p.nom : null),
        contourModified2024: suffix === 'M' ? true : suffix === 'I' ? false : null,
        areaHa: Math.round(areaHa(geometry) * 100) / 100,
        population,
        populationRef: population !== null ? input.populationRef : null,
        geometryRef: input.geometryRef
      },
      geometry
    });
  }
  (input.population ?? []).forEach((r, i) => {
    if (!populationUsed.has(i) && members.has(r.code_insee)) {
      diagnostics.populationRowsUnmatched?.push(
        `${r.line !== undefined ? `ligne ${r.line} : ` : ''}${r.code_insee} ${r.qpv_name}`
      );
    }
  });

  const list2024: Qpv2024ListEntry[] = [...listByCode.entries()]
    .filter(([, e]) => e.communes.some((c) => members.has(c)))
    .map(([code, e]) => ({
      code,
      nom: e.nom,
      communes: e.communes,
      // A new (N) QPV has no 2015 predecessor whatever the table says.
      code2015: code.endsWith('N') ? null : (to2015.get(code) ?? null)
    }))
    .sort((a, b) => a.code.localeCompare(b.code));

  return {
    collection: { type: 'FeatureCollection', features },
    list2024,
    diagnostics,
    read: input.perimeters.length,
    kept: features.length
  };
}

/**
 * area(a Δ b) / area(a ∪ b), in % (0 = same perimeter, 100 = disjoint); 100 − Jaccard index.
 * Geodesic areas (turf).
 */
export function symmetricDifferenceSharePct(a: AreaGeometry, b: AreaGeometry): number {
  const fa: Feature<AreaGeometry> = { type: 'Feature', properties: {}, geometry: a };
  const fb: Feature<AreaGeometry> = { type: 'Feature', properties: {}, geometry: b };
  const u = union(featureCollection<AreaGeometry>([fa, fb]));
  if (!u) return 0;
  const total = area(u);
  if (total === 0) return 0;
  const inter = intersect(featureCollection<AreaGeometry>([fa, fb]));
  const common = inter ? area(inter) : 0;
  return Math.min(100, Math.max(0, (100 * (total - common)) / total));
}

/**
 * 2015 outlines of the 2024 QPV that were much redrawn: for each 2024 perimeter of `collection`
 * whose 2015 predecessor (correspondence table) has a perimeter in `perimeters2015`, the share of
 * symmetric difference; the 2015 outline is kept when it reaches `minSharePct`.
 * `compared` lists every pair measured (for the pipeline report).
 */
export function buildOutlines2015(input: {
  collection: QpvCollection;
  perimeters2015: readonly QpvPerimeter[];
  correspondance: readonly QpvCorrespondanceRow[];
  minSharePct: number;
  geometryRef: SourceRef;
}): { outlines: QpvOutlines2015Collection; compared: string[] } {
  const to2015 = new Map(input.correspondance.map((c) => [c.code_2024, c.code_2015]));
  const byCode = new Map(input.perimeters2015.map((p) => [p.code, p]));
  const features: QpvOutlines2015Collection['features'] = [];
  const compared: string[] = [];
  for (const f of input.collection.features) {
    if (f.properties.generation !== '2024') continue;
    const code2015 = to2015.get(f.properties.code);
    const old = code2015 !== undefined ? byCode.get(code2015) : undefined;
    if (!old || code2015 === undefined) continue;
    const share = symmetricDifferenceSharePct(f.geometry, old.geometry);
    const kept = share >= input.minSharePct;
    compared.push(
      `${f.properties.code} / ${code2015} : ${share.toFixed(1)} % ${kept ? '(contour 2015 gardé)' : ''}`.trim()
    );
    if (!kept) continue;
    const geometry = roundGeometry(old.geometry, 6);
    if (!geometry) continue;
    features.push({
      type: 'Feature',
      properties: {
        code: f.properties.code,
        code2015,
        nom2015: old.nom,
        symDiffSharePct: Math.round(share * 10) / 10,
        geometryRef: input.geometryRef
      },
      geometry
    });
  }
  return { outlines: { type: 'FeatureCollection', features }, compared };
}

/**
 * Differences between the official national 2024 file (restricted to the EPCI's QPV) and the
 * mirror's extract: QPV present in one only, differing names or communes, and geometries whose
 * symmetric difference exceeds `tolerancePct` (coordinates copied from the same file should agree).
 */
export function compareQpvPerimeterSets(
  official: readonly (QpvPerimeter & { insee?: string })[],
  extract: readonly (QpvPerimeter & { insee?: string })[],
  tolerancePct = 0.1
): string[] {
  const out: string[] = [];
  const byCode = new Map(extract.map((p) => [p.code, p]));
  const seen = new Set<string>();
  for (const o of official) {
    const e = byCode.get(o.code);
    if (!e) {
      out.push(`${o.code} ${o.nom} : dans le fichier officiel, pas dans l’extrait`);
      continue;
    }
    seen.add(o.code);
    if (o.nom !== e.nom)
      out.push(`${o.code} : nom « ${o.nom} » (officiel) ≠ « ${e.nom} » (extrait)`);
    if (o.insee !== e.insee) {
      out.push(`${o.code} : commune ${o.insee ?? '?'} (officiel) ≠ ${e.insee ?? '?'} (extrait)`);
    }
    const share = symmetricDifferenceSharePct(o.geometry, e.geometry);
    if (share > tolerancePct) {
      out.push(`${o.code} : périmètres différents sur ${share.toFixed(2)} % de leur union`);
    }
  }
  for (const e of extract) {
    if (!seen.has(e.code))
      out.push(`${e.code} ${e.nom} : dans l’extrait, pas dans le fichier officiel`);
  }
  return out;
}
