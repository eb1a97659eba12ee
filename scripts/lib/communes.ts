/**
 * Member communes and EPCI outline: names and populations from decoupage-administratif, geometry
 * from the IGN contours (completed with the contours of former communes merged since the contour
 * vintage), rounded, checked and measured.
 */
import type { DecoupageEpci } from '../../src/lib/schemas/sources/decoupage';
import type { CommuneContourFeature } from '../../src/lib/schemas/sources/geo';
import type { CommunesCollection, EpciCollection } from '../../src/lib/schemas/outputs';
import { labelPoint } from '../../src/lib/map/geometry';
import {
  areaKm2,
  checkGeometry,
  dropSliverHoles,
  roundGeometry,
  unionAll,
  type AreaGeometry
} from './geometry';

export interface CommunesResult {
  communes: CommunesCollection;
  epci: EpciCollection;
  diagnostics: {
    /** Member codes with no contour in the source (left out of communes.geojson). */
    missingGeometry: string[];
    /** Members whose contour was completed with former communes' contours (code ← codes). */
    completedWithFormerCodes: string[];
    /** Members whose polygon was invalid and repaired, with what was done. */
    repaired: string[];
  };
}

/** Interior rings of the union below this size are simplification slivers, not real enclaves. */
const SLIVER_KM2 = 0.01;

export function buildCommunes(input: {
  epci: DecoupageEpci;
  contours: readonly CommuneContourFeature[];
  formerCodes: ReadonlyMap<string, string[]>;
  populationVintage: string;
}): CommunesResult {
  const { epci, contours, formerCodes, populationVintage } = input;
  const byCode = new Map<string, AreaGeometry[]>();
  for (const f of contours) {
    const list = byCode.get(f.properties.code) ?? [];
    list.push(f.geometry);
    byCode.set(f.properties.code, list);
  }
  const memberCodes = new Set(epci.membres.map((m) => m.code));
  const missingGeometry: string[] = [];
  const completed: string[] = [];
  const repaired: string[] = [];
  const features: CommunesCollection['features'] = [];

  for (const m of epci.membres) {
    const own = byCode.get(m.code) ?? [];
    // A former code that is itself a member (should not happen) is not merged twice.
    const former = (formerCodes.get(m.code) ?? []).filter(
      (c) => !memberCodes.has(c) && byCode.has(c)
    );
    const parts = [...own, ...former.flatMap((c) => byCode.get(c) ?? [])];
    if (parts.length === 0) {
      missingGeometry.push(m.code);
      continue;
    }
    if (former.length > 0) completed.push(`${m.code} ← ${former.join(', ')}`);
    const merged = parts.length === 1 ? parts[0] : unionAll(parts);
    const rounded = merged ? roundGeometry(merged) : null;
    if (!rounded) {
      missingGeometry.push(m.code);
      continue;
    }
    const checked = checkGeometry(rounded, `commune ${m.code} (${m.nom})`);
    if (checked.repaired) repaired.push(`${m.code} : ${checked.repaired}`);
    const geometry = checked.repaired ? roundGeometry(checked.geometry) : rounded;
    if (!geometry) throw new Error(`commune ${m.code} (${m.nom}) : polygone vide après réparation`);
    features.push({
      type: 'Feature',
      properties: {
        code: m.code,
        nom: m.nom,
        population: m.populationMunicipale,
        populationVintage,
        areaKm2: round(areaKm2(geometry), 3),
        labelAt: labelAnchor(geometry)
      },
      geometry
    });
  }

  const outlineRaw = unionAll(features.map((f) => f.geometry));
  if (!outlineRaw) {
    throw new Error(
      `EPCI ${epci.code} : aucune commune membre n’a de contour, le périmètre ne peut pas être tracé`
    );
  }
  const outline = roundGeometry(dropSliverHoles(outlineRaw, SLIVER_KM2));
  if (!outline) throw new Error(`EPCI ${epci.code} : périmètre vide après arrondi`);
  const outlineChecked = checkGeometry(outline, `périmètre de l’EPCI ${epci.code}`);
  const outlineGeometry = outlineChecked.repaired
    ? roundGeometry(outlineChecked.geometry)
    : outline;
  if (!outlineGeometry) throw new Error(`EPCI ${epci.code} : périmètre vide après réparation`);

  return {
    communes: { type: 'FeatureCollection', features },
    epci: {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: {
            code: epci.code,
            nom: epci.nom,
            population: epci.populationMunicipale,
            populationVintage,
            communes: epci.membres.length
          },
          geometry: outlineGeometry
        }
      ]
    },
    diagnostics: { missingGeometry, completedWithFormerCodes: completed, repaired }
  };
}

function round(x: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(x * f) / f;
}

/** Label anchor rounded like the geometry (5 decimals, about 1 m). */
function labelAnchor(geometry: AreaGeometry): [number, number] {
  const at = labelPoint(geometry);
  if (!at) throw new Error('commune sans polygone : pas de point où placer son nom');
  return [round(at[0], 5), round(at[1], 5)];
}
