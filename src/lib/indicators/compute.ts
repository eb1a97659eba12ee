/**
 * All indicators of an EPCI's communes and QPV, as an `IndicatorsFile`.
 *
 * Two steps so that the browser can recompute quickly when the user changes the walking radii:
 * `prepareTerritories` samples every territory once (geometry + population grid, the costly part),
 * `computeIndicators` derives every value from the prepared samples and the parameters.
 * Used by the pipeline (`scripts/lib/indicators-step.ts`) and by the app. Pure: no I/O, no clock.
 */
import type { InseeCode } from '$lib/schemas/common';
import type {
  CommuneIndicators,
  CoverageParams,
  IndicatorId,
  IndicatorValue,
  IndicatorsFile,
  QpvIndicators
} from '$lib/schemas/indicators';
import { INDICATOR_IDS } from '$lib/schemas/vocabulary';
import type {
  CommunesCollection,
  InseeFile,
  PopulationGrid,
  QpvCollection,
  SruFile,
  TransitStopsCollection
} from '$lib/schemas/outputs';
import type { SamplingParams, SruRules, TagThresholds } from '$lib/schemas/parameters';
import { formatPercent } from '$lib/format/number';
import {
  computeCoverage,
  nearestStopDistanceM,
  type CoverageResult,
  type StopPoint
} from './coverage';
import { buildDefinitions, type DefinitionRefs } from './definitions';
import {
  cellCoverageByPerimeters,
  cellShares,
  gridProfile,
  householdCells,
  povertyPockets,
  type CellShare,
  type GridProfile,
  type HouseholdCell
} from './grid-profile';
import { computeHousing } from './housing';
import { communeQpv } from './qpv';
import {
  bboxOf,
  pointInGeometry,
  sampleTerritory,
  type BBox,
  type PopulationCell,
  type TerritorySamples
} from './sampling';
import { computeSru, gapToTargetPoints } from './sru';
import { deriveTags, type GridSignals } from './tags';
import { estimate, noData, notApplicable, numberOf, ok, secret as secretValue } from './values';

export interface IndicatorsInput {
  epci: string;
  communes: CommunesCollection;
  qpv: QpvCollection;
  transitStops: TransitStopsCollection;
  grid: PopulationGrid;
  sru: SruFile;
  insee: InseeFile;
  /** Vintage of each source id of data/sources.json (for sources without a ref in the outputs). */
  sourceVintages: Record<string, string>;
}

export interface IndicatorsOptions {
  coverage: CoverageParams;
  sampling: SamplingParams;
  sruRules: SruRules;
  tagThresholds: TagThresholds;
  /** Communes newly subject to SRU → rank of the current period since then (1 = first). */
  newlySubject?: Partial<Record<InseeCode, number>>;
}

/** Join diagnostics: records that matched no commune, communes without a record. */
export interface IndicatorsDiagnostics {
  sru: { unmatched: string[]; unused: string[] };
  insee: { unmatched: string[]; unused: string[] };
  /** QPV whose commune list names no member commune. */
  qpvUnused: string[];
}

/** Radius-independent work, done once and reused when the user changes the radii. */
export interface PreparedTerritories {
  communes: TerritorySamples[];
  qpv: TerritorySamples[];
  qpvBboxes: BBox[];
  stops: StopPoint[];
  /** Stops inside each QPV perimeter (point-in-polygon). */
  qpvStopsInside: number[];
  /** Distance (m) from each commune / QPV centroid to the nearest tram or Chrono stop. */
  communeRapidDistanceM: (number | null)[];
  qpvRapidDistanceM: (number | null)[];
  /** Grid cells with their household counts, and the share of each inside every territory. */
  householdCells: HouseholdCell[];
  communeCellShares: CellShare[][];
  qpvCellShares: CellShare[][];
  /** Share (0–1) of each cell's area inside a QPV perimeter. */
  cellQpvCover: number[];
}

const RAPID = ['tram', 'chrono'] as const;

/** Source ids of the datasets whose vintage is not carried by the outputs themselves. */
export const SOURCE_IDS = {
  communes: 'communes-ign',
  population: 'decoupage-administratif',
  stops: 'mreso-gtfs',
  grid: 'filosofi-carreaux-1km'
} as const;

export function gridCells(grid: PopulationGrid): PopulationCell[] {
  return grid.features.map((f) => ({
    geometry: f.geometry,
    bbox: bboxOf(f.geometry),
    population: f.properties.population
  }));
}

/** Samples every commune and QPV once (the costly, radius-independent step). */
export function prepareTerritories(
  input: Pick<IndicatorsInput, 'communes' | 'qpv' | 'transitStops' | 'grid'>,
  sampling: SamplingParams
): PreparedTerritories {
  const cells = gridCells(input.grid);
  const communes = input.communes.features.map((f) => sampleTerritory(f.geometry, cells, sampling));
  const qpv = input.qpv.features.map((f) => sampleTerritory(f.geometry, cells, sampling));
  const qpvBboxes = input.qpv.features.map((f) => bboxOf(f.geometry));
  const stops: StopPoint[] = input.transitStops.features.map((f) => ({
    id: f.properties.id,
    mode: f.properties.mode,
    lon: f.geometry.coordinates[0],
    lat: f.geometry.coordinates[1]
  }));
  const qpvStopsInside = input.qpv.features.map((f, k) => {
    const b = qpvBboxes[k] as BBox;
    // Bounding-box reject first: perimeters have many vertices.
    return stops.filter(
      (s) =>
        s.lon >= b[0] &&
        s.lon <= b[2] &&
        s.lat >= b[1] &&
        s.lat <= b[3] &&
        pointInGeometry([s.lon, s.lat], f.geometry)
    ).length;
  });
  const rapid = stops.filter((s) => s.mode !== 'bus');
  const hh = householdCells(input.grid);
  return {
    communes,
    qpv,
    qpvBboxes,
    stops,
    qpvStopsInside,
    communeRapidDistanceM: communes.map((t) => nearestStopDistanceM(t.centroid, rapid, RAPID)),
    qpvRapidDistanceM: qpv.map((t) => nearestStopDistanceM(t.centroid, rapid, RAPID)),
    householdCells: hh,
    communeCellShares: communes.map((t) => cellShares(t, hh)),
    qpvCellShares: qpv.map((t) => cellShares(t, hh)),
    cellQpvCover: cellCoverageByPerimeters(
      hh,
      input.qpv.features.map((f) => f.geometry),
      sampling
    )
  };
}

function vintageOf(input: IndicatorsInput, id: string): string {
  const v = input.sourceVintages[id];
  if (!v)
    throw new Error(`indicators : pas de millésime pour la source « ${id} » (data/sources.json)`);
  return v;
}

function transitValues(
  cov: CoverageResult,
  distanceM: number | null,
  stopsInside: number,
  population: number | null
): Partial<Record<IndicatorId, IndicatorValue>> {
  const popShare = (v: number | null) => (v === null ? noData() : ok(v));
  return {
    tc_couverture_surface: ok(cov.areaSharePct),
    tc_couverture_population: popShare(cov.populationSharePct),
    tc_couverture_pop_tram: popShare(cov.populationSharePctByMode.tram),
    tc_couverture_pop_chrono: popShare(cov.populationSharePctByMode.chrono),
    tc_couverture_pop_bus: popShare(cov.populationSharePctByMode.bus),
    tc_distance_tram_chrono: distanceM === null ? noData() : ok(distanceM),
    tc_arrets_pour_1000:
      population !== null && population > 0 ? ok((1000 * stopsInside) / population) : noData()
  };
}

/** Household indicators of a territory from the grid (no-data when no household is apportioned). */
function gridValues(g: GridProfile): Partial<Record<IndicatorId, IndicatorValue>> {
  if (g.households <= 0) {
    return {
      menages_collectif_part: noData(),
      menages_proprietaires_collectif: noData(),
      menages_pauvres_part: noData(),
      familles_monoparentales_part: noData(),
      grands_menages_part: noData()
    };
  }
  const share = (n: number) => ok((100 * n) / g.households);
  const oc = g.ownerCollective;
  return {
    menages_collectif_part: share(g.collective),
    menages_proprietaires_collectif: estimate(oc.value, oc.low, oc.high),
    menages_pauvres_part: share(g.poor),
    familles_monoparentales_part: share(g.singleParent),
    grands_menages_part: share(g.large)
  };
}

/** Grid figures the tags read (shares in % of the territory's households). */
function gridSignals(
  g: GridProfile,
  pockets?: { cells: number; poorHouseholds: number }
): GridSignals {
  const share = (n: number) => (g.households > 0 ? (100 * n) / g.households : 0);
  return {
    households: g.households,
    collectivePct: share(g.collective),
    ownerCollective: g.ownerCollective.value,
    ownerCollectivePct: share(g.ownerCollective.value),
    singleParentPct: share(g.singleParent),
    largePct: share(g.large),
    ...(pockets ? { pockets } : {})
  };
}

/** Average annual change of the population between two censuses, % per year. */
export function annualChangePct(from: number, to: number, years: number): number | null {
  if (from <= 0 || to < 0 || years <= 0) return null;
  return (Math.pow(to / from, 1 / years) - 1) * 100;
}

const ALL_IDS: readonly IndicatorId[] = INDICATOR_IDS;

/** Fills every indicator id (the contract's record is exhaustive): missing ones are not applicable. */
function complete(
  values: Partial<Record<IndicatorId, IndicatorValue>>
): Record<IndicatorId, IndicatorValue> {
  const out = {} as Record<IndicatorId, IndicatorValue>;
  for (const id of ALL_IDS) out[id] = values[id] ?? notApplicable();
  return out;
}

export function computeIndicators(
  input: IndicatorsInput,
  options: IndicatorsOptions,
  prepared: PreparedTerritories = prepareTerritories(input, options.sampling)
): { file: IndicatorsFile; diagnostics: IndicatorsDiagnostics } {
  const params = options.coverage;
  const memberCodes = new Set(input.communes.features.map((f) => f.properties.code));
  const sruByCode = new Map(input.sru.records.map((r) => [r.code, r]));
  const inseeByCode = new Map(input.insee.records.map((r) => [r.code, r]));
  const diagnostics: IndicatorsDiagnostics = {
    sru: {
      unmatched: [...memberCodes].filter((c) => !sruByCode.has(c)),
      unused: input.sru.records.map((r) => r.code).filter((c) => !memberCodes.has(c))
    },
    insee: {
      unmatched: [...memberCodes].filter((c) => !inseeByCode.has(c)),
      unused: input.insee.records.map((r) => r.code).filter((c) => !memberCodes.has(c))
    },
    qpvUnused: input.qpv.features
      .filter((q) => !q.properties.communes.some((c) => memberCodes.has(c)))
      .map((q) => q.properties.code)
  };

  const stopsRef = { source: SOURCE_IDS.stops, vintage: vintageOf(input, SOURCE_IDS.stops) };
  const gridRef = { source: SOURCE_IDS.grid, vintage: vintageOf(input, SOURCE_IDS.grid) };
  const communesRef = {
    source: SOURCE_IDS.communes,
    vintage: vintageOf(input, SOURCE_IDS.communes)
  };
  const firstQpv = input.qpv.features[0]?.properties;
  const qpvGeometryRef = firstQpv ? firstQpv.geometryRef : null;
  const qpvPopulationRef =
    input.qpv.features.find((q) => q.properties.populationRef)?.properties.populationRef ?? null;
  const populationRef = {
    source: SOURCE_IDS.population,
    vintage:
      input.communes.features[0]?.properties.populationVintage ??
      vintageOf(input, SOURCE_IDS.population)
  };
  const transitRef = { source: stopsRef.source, vintage: stopsRef.vintage };

  const stopsByCommune = new Map<string, number>();
  for (const s of input.transitStops.features) {
    const c = s.properties.commune;
    if (c) stopsByCommune.set(c, (stopsByCommune.get(c) ?? 0) + 1);
  }

  const cells = prepared.householdCells;
  const qpvProfiles = input.qpv.features.map((_, k) =>
    gridProfile(prepared.qpvCellShares[k] ?? [], cells)
  );
  // 2024 perimeters carry no published population: the grid estimates it (with bounds).
  const qpvGridPopulation = qpvProfiles.map((g) =>
    cells.length > 0
      ? { value: g.population, low: g.populationBounds.low, high: g.populationBounds.high }
      : null
  );
  const inseeChange = input.insee.populationChange ?? null;
  // « ne compte aucun quartier prioritaire (périmètres 2024) »: the generation of the perimeters read.
  const allGenerations = [...new Set(input.qpv.features.map((f) => f.properties.generation))].join(
    ', '
  );

  const communes: CommuneIndicators[] = input.communes.features.map((f, k) => {
    const { code, nom, population, areaKm2 } = f.properties;
    const samples = prepared.communes[k] as TerritorySamples;
    const sru = computeSru(
      sruByCode.get(code),
      options.sruRules,
      options.newlySubject?.[code] ?? null
    );
    const housing = computeHousing(inseeByCode.get(code));
    const qpv = communeQpv(
      code,
      samples,
      input.qpv.features,
      prepared.qpvBboxes,
      qpvGridPopulation
    );
    const grid = gridProfile(prepared.communeCellShares[k] ?? [], cells);
    const pockets = povertyPockets(
      prepared.communeCellShares[k] ?? [],
      cells,
      prepared.cellQpvCover,
      {
        minPoorSharePct: options.tagThresholds.pocketMinPoorSharePct,
        minHouseholds: options.tagThresholds.pocketMinHouseholds,
        maxQpvCoverPct: options.tagThresholds.pocketMaxQpvCoverPct
      }
    );
    const insee = inseeByCode.get(code);
    const prev = insee?.populationPrevious;
    const now = insee?.population;
    const change =
      inseeChange && typeof prev === 'number' && typeof now === 'number'
        ? annualChangePct(prev, now, inseeChange.to - inseeChange.from)
        : null;
    const cov = computeCoverage(samples, prepared.stops, params);
    const stopsInside = stopsByCommune.get(code) ?? 0;
    const applicable = sru.subject;
    const values: Partial<Record<IndicatorId, IndicatorValue>> = {
      population: ok(population),
      surface_ha: ok(areaKm2 * 100),
      sru_taux_lls:
        sru.ratePct === null ? (applicable ? noData() : notApplicable()) : ok(sru.ratePct),
      sru_taux_cible: sru.targetPct === null ? notApplicable() : ok(sru.targetPct),
      sru_ecart_cible_points: ((gap) =>
        gap !== null ? ok(gap) : applicable ? noData() : notApplicable())(
        applicable ? gapToTargetPoints(sru.ratePct, sru.targetPct) : null
      ),
      sru_lls: sru.lls === null ? (applicable ? noData() : notApplicable()) : ok(sru.lls),
      sru_rp_estimees: sru.rp
        ? estimate(sru.rp.value, sru.rp.low, sru.rp.high)
        : applicable
          ? noData()
          : notApplicable(),
      sru_lls_manquants: sru.missing
        ? estimate(sru.missing.value, sru.missing.low, sru.missing.high)
        : applicable
          ? noData()
          : notApplicable(),
      sru_objectif_triennal: sru.objective
        ? estimate(sru.objective.value, sru.objective.low, sru.objective.high)
        : notApplicable(),
      sru_prelevement: sru.levyEur === null ? notApplicable() : ok(sru.levyEur),
      qpv_nombre: ok(qpv.codes.length),
      qpv_part_surface: ok(qpv.areaSharePct),
      qpv_population: qpv.population
        ? qpv.population.estimate
          ? estimate(qpv.population.value, qpv.population.low, qpv.population.high)
          : ok(qpv.population.value)
        : noData(),
      ...transitValues(cov, prepared.communeRapidDistanceM[k] ?? null, stopsInside, population),
      logement_vacance: housing.vacancyPct,
      logement_proprietaires: housing.ownersPct,
      revenu_median: housing.medianIncomeEur,
      taux_pauvrete: housing.povertyPct,
      population_evolution_annuelle:
        change !== null
          ? ok(change)
          : prev === 'secret' || now === 'secret'
            ? secretValue()
            : noData(),
      ...(cells.length > 0
        ? {
            ...gridValues(grid),
            poches_pauvrete_menages: estimate(pockets.poorHouseholds, pockets.low, pockets.high)
          }
        : {})
    };
    const evidence = deriveTags(
      {
        kind: 'commune',
        sru: {
          value: {
            status: sru.status,
            ratePct: sru.ratePct,
            targetPct: sru.targetPct,
            period: sruByCode.get(code)?.period ?? '',
            lls: sru.lls,
            inventoryDate: sruByCode.get(code)?.inventoryDate ?? '',
            newlySubject: sruByCode.get(code)?.newlySubject ?? null
          },
          ...input.sru.ref
        },
        qpv: qpvGeometryRef
          ? {
              value: {
                count: qpv.codes.length,
                areaSharePct: qpv.areaSharePct,
                generation: qpv.generations.join(', ') || allGenerations || undefined
              },
              ...qpvGeometryRef
            }
          : undefined,
        transit: {
          value: {
            populationSharePct: cov.populationSharePct,
            areaSharePct: cov.areaSharePct,
            stopsInside,
            params
          },
          ...transitRef
        },
        povertyPct: { value: numberOf(housing.povertyPct), ...input.insee.incomeRef },
        vacancyPct: { value: numberOf(housing.vacancyPct), ...input.insee.housingRef },
        medianIncomeEur: { value: numberOf(housing.medianIncomeEur), ...input.insee.incomeRef },
        ...(cells.length > 0
          ? {
              grid: {
                value: gridSignals(grid, {
                  cells: pockets.cellIds.length,
                  poorHouseholds: pockets.poorHouseholds
                }),
                ...gridRef
              }
            }
          : {})
      },
      options.tagThresholds
    );
    return {
      code,
      nom,
      sruStatus: sru.status,
      qpvCodes: qpv.codes,
      values: complete(values),
      profile: { code, nom, kind: 'commune', evidence }
    };
  });

  const qpv: QpvIndicators[] = input.qpv.features.map((f, k) => {
    const p = f.properties;
    const samples = prepared.qpv[k] as TerritorySamples;
    const cov = computeCoverage(samples, prepared.stops, params);
    const stopsInside = prepared.qpvStopsInside[k] ?? 0;
    const gridPop = p.population === null ? (qpvGridPopulation[k] ?? null) : null;
    const values: Partial<Record<IndicatorId, IndicatorValue>> = {
      surface_ha: ok(p.areaHa),
      qpv_population:
        p.population !== null
          ? ok(p.population)
          : gridPop
            ? estimate(gridPop.value, gridPop.low, gridPop.high)
            : noData(),
      ...transitValues(
        cov,
        prepared.qpvRapidDistanceM[k] ?? null,
        stopsInside,
        p.population ?? gridPop?.value ?? null
      ),
      ...(cells.length > 0 ? gridValues(qpvProfiles[k] as GridProfile) : {})
    };
    const evidence = deriveTags(
      {
        kind: 'qpv',
        qpv: {
          value: { count: 1, areaSharePct: null, generation: p.generation },
          ...p.geometryRef
        },
        transit: {
          value: {
            populationSharePct: cov.populationSharePct,
            areaSharePct: cov.areaSharePct,
            stopsInside,
            params
          },
          ...transitRef
        },
        ...(cells.length > 0
          ? { grid: { value: gridSignals(qpvProfiles[k] as GridProfile), ...gridRef } }
          : {})
      },
      options.tagThresholds
    );
    return {
      code: p.code,
      nom: p.nom,
      communes: p.communes,
      values: complete(values),
      profile: { code: p.code, nom: p.nom, kind: 'qpv', evidence }
    };
  });

  const rules = options.sruRules;
  const near = [...rules.nearTarget]
    .sort((a, b) => a.maxGapPoints - b.maxGapPoints)
    .map(
      (r) => `${formatPercent(r.catchUpPct, 0)} à moins de ${r.maxGapPoints} points du taux cible`
    )
    .join(', ');
  const catchUpNote = `Estimation : ${formatPercent(rules.generalCatchUpPct, 0)} des LLS manquants par période de ${rules.periodYears} ans (${near}) selon CCH L302-8 (loi 3DS) ; hors contrat de mixité sociale. Pas l'objectif notifié par le préfet.`;
  const refs: DefinitionRefs = {
    communes: communesRef,
    population: populationRef,
    sru: input.sru.ref,
    qpvGeometry: qpvGeometryRef,
    qpvPopulation: qpvPopulationRef ?? gridRef,
    stops: stopsRef,
    grid: gridRef,
    housing: input.insee.housingRef,
    income: input.insee.incomeRef,
    populationChange: inseeChange
  };
  const th = options.tagThresholds;
  return {
    file: {
      epci: input.epci,
      params,
      definitions: buildDefinitions(
        refs,
        params,
        catchUpNote,
        `${formatPercent(th.pocketMinPoorSharePct, 0)} (au moins ${th.pocketMinHouseholds} ménages ; QPV couvrant au plus ${formatPercent(th.pocketMaxQpvCoverPct, 0)} du carreau)`
      ),
      communes,
      qpv
    },
    diagnostics
  };
}
