/**
 * Orchestration of the data pipeline: an ordered list of steps, each reading its sources (mirror,
 * URL or npm package), calling pure build functions and filling the outputs, the report and the
 * coverage gaps. `buildOutputs` works in memory; `writeOutputs` (./write.ts) writes atomically.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { parseFeatureCollection } from '../../src/lib/data/geojson';
import { parseInseeComparateur } from '../../src/lib/data/insee';
import {
  parseQpv2024List,
  parseQpvCorrespondance,
  parseQpvPopulation
} from '../../src/lib/data/qpv';
import {
  checkMirrorSizes,
  decodeSource,
  loadManifest,
  readSource,
  sourceById,
  tryReadSource,
  type ReadOptions,
  type SourceBytes
} from '../../src/lib/data/sources';
import { decodeWindows1252, parseSruCsv, type SruTable } from '../../src/lib/data/sru';
import type { CmsFile } from '../../src/lib/schemas/cms';
import type { IndicatorsFile } from '../../src/lib/schemas/indicators';
import type {
  BuildMeta,
  CommunesCollection,
  EpciCollection,
  InseeFile,
  PopulationGrid,
  QpvCollection,
  QpvOutlines2015Collection,
  SruFile,
  TransitLinesCollection,
  TransitStopsCollection
} from '../../src/lib/schemas/outputs';
import type { SvgOverview, SvgTransit } from '../../src/lib/schemas/svg-map';
import type { SourceEntry, SourcesManifest } from '../../src/lib/schemas/sources-manifest';
import type { DecoupageEpci } from '../../src/lib/schemas/sources/decoupage';
import {
  communeContourFeatureSchema,
  gridCellFeatureSchema,
  qpv2015FeatureSchema,
  qpv2024FeatureSchema,
  type CommuneContourFeature
} from '../../src/lib/schemas/sources/geo';
import type { Qpv2024ListRow, QpvPopulationRow } from '../../src/lib/schemas/sources/qpv';
import { cmsStep } from './cms';
import { buildCommunes } from './communes';
import type { AreaGeometry } from './geometry';
import { buildGrid } from './grid';
import { buildIndicatorsFileWithDiagnostics, readJson } from './indicators-step';
import { qpvPerimeterParamsSchema } from '../../src/lib/schemas/parameters';
import { buildInsee } from './insee';
import { decoupageLocation, loadEpci, loadFormerCodes } from './members';
import { buildOutlines2015, buildQpv, compareQpvPerimeterSets, type QpvPerimeter } from './qpv';
import { buildSru } from './sru';
import { svgGeometryStep } from './svg-geometry';
import { buildTransit, loadDefaultTransitModeRules, TRANSIT_SOURCE_IDS } from './transit';
import {
  assertFeaturesInBbox,
  assertLlsWithinDwellings,
  checkSruRates,
  departementBbox,
  departementOf,
  type Bbox
} from './validate';

/** Bump when the outputs change shape or method: ensure-data then rebuilds. */
export const PIPELINE_VERSION = 6;
export const DEFAULT_EPCI = '200040715';
export const REPO_ROOT = resolve(import.meta.dirname, '..', '..');

export interface PipelineOutputs {
  communes: CommunesCollection;
  epci: EpciCollection;
  qpv: QpvCollection;
  /** 2015 outlines of the much-redrawn 2024 QPV (empty when the 2015 perimeters are drawn). */
  qpvOutlines2015: QpvOutlines2015Collection;
  populationGrid: PopulationGrid;
  transitLines: TransitLinesCollection;
  transitStops: TransitStopsCollection;
  sru: SruFile;
  insee: InseeFile;
  meta: BuildMeta;
  /** Appended by the indicators step once it exists. */
  indicators?: IndicatorsFile;
  /** Pre-projected SVG geometry (./svg-geometry.ts). */
  svgOverview?: SvgOverview;
  svgTransit?: SvgTransit;
  /** Contrats de mixité sociale (./cms.ts). */
  cms?: CmsFile;
}

export interface DatasetReport {
  dataset: string;
  read: number;
  kept: number;
}

export interface PipelineReport {
  epci: string;
  datasets: DatasetReport[];
  /** Join and geometry diagnostics, keyed `dataset.topic` → items (empty lists are omitted). */
  diagnostics: Record<string, string[]>;
  gaps: Record<string, string[]>;
  /** Wall time of each step, ms. */
  stepMs: Record<string, number>;
  durationMs: number;
}

export interface BuildOptions {
  /** Mirror directory (e.g. `../shared/sources`), or null to read official URLs only. */
  sourcesDir: string | null;
  /** SIREN of the EPCI. */
  epci: string;
  fetchImpl?: typeof fetch;
  /** Defaults to `data/sources.json` of the repo. */
  manifestPath?: string;
  /** Download cache; defaults to `.cache/sources/` of the repo, null disables it. */
  cacheDir?: string | null;
  /** Override of the QPV 2024 perimeters URL (env PLH_QPV2024_URL). */
  qpv2024Url?: string | null;
  /** Download timeout, ms. */
  timeoutMs?: number;
  /** Defaults to `data/qpv-correspondance-2015-2024.csv` of the repo. */
  qpvCorrespondancePath?: string;
  /** When the outputs are built (meta.json `builtAt`, shown in the site's footer); defaults to now. */
  builtAt?: Date;
}

/** State shared by the steps. Steps fill `outputs` and append to `report` and `gaps`. */
export interface BuildContext {
  options: BuildOptions;
  manifest: SourcesManifest;
  epci: DecoupageEpci;
  memberCodes: string[];
  outputs: Partial<PipelineOutputs>;
  report: PipelineReport;
  sourcesUsed: BuildMeta['sources'];
  /** All contours of the contour source (also outside the EPCI), for point-in-polygon. */
  contours: CommuneContourFeature[];
  outline: AreaGeometry | null;
  qpv2024: BuildMeta['qpv2024'];
  /** The parsed SRU table, for the cross-check with the INSEE dwellings. */
  sruTable?: { table: SruTable; file: string };
  source(id: string): SourceEntry;
  read(id: string, extra?: Partial<ReadOptions>): Promise<SourceBytes>;
  tryRead(id: string, extra?: Partial<ReadOptions>): Promise<SourceBytes | { missing: string }>;
  /** True when the manifest says the dataset covers the EPCI (or says nothing). */
  covers(id: string): boolean;
  diag(key: string, items: readonly string[]): void;
}

export interface PipelineStep {
  name: string;
  run(ctx: BuildContext): Promise<void> | void;
}

const communesStep: PipelineStep = {
  name: 'communes',
  async run(ctx) {
    const entry = ctx.source('communes-ign');
    const src = await ctx.read('communes-ign');
    const departements = new Set(ctx.memberCodes.map(departementOf));
    const contours = parseFeatureCollection(
      decodeSource(entry, src.bytes),
      src.location,
      communeContourFeatureSchema,
      // Self-intersections are searched in the EPCI's département(s) only (O(n²) per ring).
      { idProperty: 'code', checkKinks: (p) => departements.has(departementOf(String(p.code))) }
    );
    ctx.contours = contours;
    const decoupage = ctx.source('decoupage-administratif');
    ctx.sourcesUsed.push(
      { id: decoupage.id, origin: 'package', location: decoupageLocation('epci.json') },
      { id: decoupage.id, origin: 'package', location: decoupageLocation('communes.json') }
    );
    const result = buildCommunes({
      epci: ctx.epci,
      contours,
      formerCodes: loadFormerCodes(ctx.memberCodes),
      populationVintage: decoupage.vintage
    });
    ctx.outputs.communes = result.communes;
    ctx.outputs.epci = result.epci;
    ctx.outline = (result.epci.features[0]?.geometry ?? null) as AreaGeometry | null;
    ctx.report.datasets.push({
      dataset: 'communes-ign',
      read: contours.length,
      kept: result.communes.features.length
    });
    ctx.diag('communes-ign.missingGeometry', result.diagnostics.missingGeometry);
    ctx.diag('communes-ign.completedWithFormerCodes', result.diagnostics.completedWithFormerCodes);
    ctx.diag('communes-ign.repaired', result.diagnostics.repaired);
    if (result.diagnostics.missingGeometry.length > 0) {
      ctx.report.gaps['communes-ign'] = result.diagnostics.missingGeometry;
    }
  }
};

const sruStep: PipelineStep = {
  name: 'sru',
  async run(ctx) {
    const entry = ctx.source('sru-inventaire');
    const src = await ctx.read('sru-inventaire');
    const text =
      entry.encoding === 'windows-1252'
        ? decodeWindows1252(src.bytes)
        : decodeSource(entry, src.bytes);
    const table = parseSruCsv(text, src.location);
    ctx.sruTable = { table, file: src.location };
    const result = buildSru({
      table,
      epci: ctx.epci,
      ref: { source: entry.id, vintage: entry.vintage }
    });
    ctx.outputs.sru = result.file;
    ctx.report.datasets.push({ dataset: entry.id, read: result.read, kept: result.kept });
    ctx.diag('sru-inventaire.notInInventory', result.diagnostics.notInInventory);
    ctx.diag('sru-inventaire.rowsOfEpciMatchingNoMember', result.diagnostics.unmatchedRows);
    ctx.diag('sru-inventaire.warnings', result.diagnostics.warnings);
    ctx.diag(
      'sru-inventaire.implausibleRatesElsewhere',
      checkSruRates(table, src.location, ctx.memberCodes)
    );
  }
};

const inseeStep: PipelineStep = {
  name: 'insee',
  async run(ctx) {
    const entry = ctx.source('insee-comparateur');
    const src = await ctx.tryRead('insee-comparateur');
    if ('missing' in src) {
      ctx.diag('insee-comparateur.unavailable', [src.missing]);
      ctx.outputs.insee = {
        housingRef: { source: entry.id, vintage: entry.vintage },
        incomeRef: { source: entry.id, vintage: entry.vintage },
        records: ctx.memberCodes.map((code) => ({
          code,
          population: null,
          logements: null,
          residencesPrincipales: null,
          logementsVacants: null,
          proprietaires: null,
          revenuMedianEur: null,
          tauxPauvretePct: null
        }))
      };
      ctx.report.gaps[entry.id] = [...ctx.memberCodes];
      return;
    }
    const table = parseInseeComparateur(decodeSource(entry, src.bytes), src.location);
    if (ctx.sruTable) {
      assertLlsWithinDwellings(ctx.sruTable, { table, file: src.location }, ctx.memberCodes);
    }
    const result = buildInsee({ table, epci: ctx.epci, source: entry.id });
    ctx.outputs.insee = result.file;
    ctx.report.datasets.push({ dataset: entry.id, read: result.read, kept: result.kept });
    if (result.missing.length > 0) ctx.report.gaps[entry.id] = result.missing;
  }
};

const gridStep: PipelineStep = {
  name: 'population-grid',
  async run(ctx) {
    const id = 'filosofi-carreaux-1km';
    const entry = ctx.source(id);
    const empty: PopulationGrid = { type: 'FeatureCollection', features: [] };
    if (!ctx.covers(id) || !ctx.outline) {
      ctx.outputs.populationGrid = empty;
      ctx.report.gaps[id] = [...ctx.memberCodes];
      return;
    }
    const src = await ctx.tryRead(id);
    if ('missing' in src) {
      ctx.diag(`${id}.unavailable`, [src.missing]);
      ctx.outputs.populationGrid = empty;
      ctx.report.gaps[id] = [...ctx.memberCodes];
      return;
    }
    const cells = inDepartement(
      ctx,
      parseFeatureCollection(decodeSource(entry, src.bytes), src.location, gridCellFeatureSchema, {
        idProperty: 'idcar_1km'
      }),
      src.location,
      'idcar_1km'
    );
    ctx.outputs.populationGrid = buildGrid({ cells, outline: ctx.outline });
    ctx.report.datasets.push({
      dataset: id,
      read: cells.length,
      kept: ctx.outputs.populationGrid.features.length
    });
  }
};

/** The optional 2024 perimeters are tried briefly so that an offline build falls back fast. */
const QPV2024_TIMEOUT_MS = 5000;

const qpvStep: PipelineStep = {
  name: 'qpv',
  async run(ctx) {
    const listEntry = ctx.source('qpv-2024-liste');
    const listSrc = await ctx.tryRead(listEntry.id);
    let list2024: Qpv2024ListRow[] = [];
    if ('missing' in listSrc) ctx.diag(`${listEntry.id}.unavailable`, [listSrc.missing]);
    else {
      list2024 = parseQpv2024List(decodeSource(listEntry, listSrc.bytes), listSrc.location);
      ctx.report.datasets.push({
        dataset: listEntry.id,
        read: list2024.length,
        kept: list2024.filter((r) => ctx.memberCodes.includes(r.insee_com)).length
      });
    }
    const corrPath =
      ctx.options.qpvCorrespondancePath ??
      resolve(REPO_ROOT, 'data/qpv-correspondance-2015-2024.csv');
    const correspondance = parseQpvCorrespondance(readFileSync(corrPath, 'utf8'), corrPath);

    // 2024 perimeters: the official national file when it can be read (mirror or URL), else the
    // mirror's extract for the EPCIs it covers, else the 2015 perimeters, labelled as such.
    const national = ctx.source('qpv-2024-perimetres');
    const extract = ctx.source('qpv-2024-perimetres-extrait');
    const read2024 = async (entry: typeof national, extra: Partial<ReadOptions> = {}) => {
      const src = await ctx.tryRead(entry.id, extra);
      if ('missing' in src) {
        ctx.diag(`${entry.id}.unavailable`, [src.missing]);
        return null;
      }
      const features = parseFeatureCollection(
        decodeSource(entry, src.bytes),
        src.location,
        qpv2024FeatureSchema,
        { idProperty: 'code_qp' }
      );
      // The national file covers France: only the extract (one EPCI) is held to the département box.
      return (
        entry.id === national.id ? features : inDepartement(ctx, features, src.location, 'code_qp')
      ).map((f) => ({
        code: f.properties.code_qp,
        nom: f.properties.lib_qp,
        generation: '2024' as const,
        geometry: f.geometry,
        insee: f.properties.insee_com,
        siren: f.properties.siren_epci
      }));
    };
    const fromNational = await read2024(national, {
      urlOverride: ctx.options.qpv2024Url ?? null,
      timeoutMs: ctx.options.timeoutMs ?? QPV2024_TIMEOUT_MS
    });
    const fromExtract = ctx.covers(extract.id) ? await read2024(extract) : null;
    if (fromNational && fromExtract) {
      const ofEpci = fromNational.filter(
        (p) =>
          p.siren === ctx.epci.code ||
          (p.siren === undefined && p.insee !== undefined && ctx.memberCodes.includes(p.insee))
      );
      ctx.diag('qpv.extractDiffersFromOfficial', compareQpvPerimeterSets(ofEpci, fromExtract));
    }
    let perimeters: QpvPerimeter[] = [];
    let geometryEntry = fromNational ? national : extract;
    let population: QpvPopulationRow[] | null = null;
    let populationRef = null;
    const chosen2024 = fromNational ?? fromExtract;
    // The 2015 perimeters are read in any case: fallback geometry, or outlines of redrawn QPV.
    const entry2015 = ctx.source('qpv-2015');
    const src2015 = await ctx.tryRead(entry2015.id);
    let perimeters2015: QpvPerimeter[] = [];
    if ('missing' in src2015) ctx.diag(`${entry2015.id}.unavailable`, [src2015.missing]);
    else {
      perimeters2015 = inDepartement(
        ctx,
        parseFeatureCollection(
          decodeSource(entry2015, src2015.bytes),
          src2015.location,
          qpv2015FeatureSchema,
          { idProperty: 'CODE_QP' }
        ),
        src2015.location,
        'CODE_QP'
      ).map((f) => ({
        code: f.properties.CODE_QP,
        nom: f.properties.NOM_QP,
        generation: '2015' as const,
        geometry: f.geometry
      }));
    }
    if (chosen2024) {
      perimeters = chosen2024.map(({ code, nom, generation, geometry }) => ({
        code,
        nom,
        generation,
        geometry
      }));
    } else {
      ctx.diag('qpv.perimeters2015Used', [
        'pas de périmètre 2024 pour cet EPCI : périmètres 2015 utilisés, signalés « périmètres 2015 »'
      ]);
      geometryEntry = entry2015;
      perimeters = perimeters2015;
      const popEntry = ctx.source('qpv-population-2018');
      const popSrc = await ctx.tryRead(popEntry.id);
      if ('missing' in popSrc) ctx.diag(`${popEntry.id}.unavailable`, [popSrc.missing]);
      else {
        population = parseQpvPopulation(decodeSource(popEntry, popSrc.bytes), popSrc.location);
        populationRef = { source: popEntry.id, vintage: popEntry.vintage };
      }
    }
    const result = buildQpv({
      perimeters,
      contours: ctx.contours,
      memberCodes: ctx.memberCodes,
      list2024,
      correspondance,
      population,
      geometryRef: { source: geometryEntry.id, vintage: geometryEntry.vintage },
      populationRef
    });
    ctx.outputs.qpv = result.collection;
    if (chosen2024 && perimeters2015.length > 0) {
      const params = readJson('data/parameters/qpv.json', qpvPerimeterParamsSchema);
      const { outlines, compared } = buildOutlines2015({
        collection: result.collection,
        perimeters2015,
        correspondance,
        minSharePct: params.outline2015MinSymDiffSharePct,
        geometryRef: { source: entry2015.id, vintage: entry2015.vintage }
      });
      ctx.outputs.qpvOutlines2015 = outlines;
      ctx.diag('qpv.symmetricDifference2015vs2024', compared);
    } else {
      ctx.outputs.qpvOutlines2015 = { type: 'FeatureCollection', features: [] };
    }
    ctx.qpv2024 = result.list2024;
    ctx.report.datasets.push({ dataset: geometryEntry.id, read: result.read, kept: result.kept });
    if (population) {
      ctx.report.datasets.push({
        dataset: 'qpv-population-2018',
        read: population.length,
        kept: result.collection.features.filter((f) => f.properties.population !== null).length
      });
    }
    for (const [key, items] of Object.entries(result.diagnostics)) {
      ctx.diag(`qpv.${key}`, items);
    }
    // Members the 2024 list gives a QPV to, but with no perimeter drawn: « pas de donnée ».
    const drawn = new Set(
      result.collection.features.flatMap((f) => [f.properties.code, f.properties.code2024 ?? ''])
    );
    const missing = new Set<string>();
    const listedWithoutPerimeter: string[] = [];
    for (const q of result.list2024) {
      if (!drawn.has(q.code) && !(q.code2015 !== null && drawn.has(q.code2015))) {
        listedWithoutPerimeter.push(`${q.code} ${q.nom}`);
        q.communes.filter((c) => ctx.memberCodes.includes(c)).forEach((c) => missing.add(c));
      }
    }
    ctx.diag('qpv.listedWithoutPerimeter', listedWithoutPerimeter);
    if (missing.size > 0) ctx.report.gaps[geometryEntry.id] = [...missing].sort();
    if (geometryEntry.id === 'qpv-2015') {
      // Communes whose 2015 QPV has no population in the source: « pas de donnée ».
      const noPop = new Set(
        result.collection.features
          .filter((f) => f.properties.population === null)
          .flatMap((f) => f.properties.communes.filter((c) => ctx.memberCodes.includes(c)))
      );
      if (noPop.size > 0) ctx.report.gaps['qpv-population-2018'] = [...noPop].sort();
    }
  }
};

const transitStep: PipelineStep = {
  name: 'transit',
  async run(ctx) {
    const ids = Object.values(TRANSIT_SOURCE_IDS);
    const uncovered = ids.filter((id) => !ctx.covers(id));
    if (uncovered.length > 0 || !ctx.outline) {
      // The network does not serve this EPCI: no data, never « no stop ».
      for (const id of ids) ctx.report.gaps[id] = [...ctx.memberCodes];
      ctx.outputs.transitLines = { type: 'FeatureCollection', features: [] };
      ctx.outputs.transitStops = { type: 'FeatureCollection', features: [] };
      return;
    }
    const read = async (id: string) => {
      const entry = ctx.source(id);
      const src = await ctx.read(id);
      return { text: decodeSource(entry, src.bytes), location: src.location };
    };
    const stops = await read(TRANSIT_SOURCE_IDS.stops);
    const routes = await read(TRANSIT_SOURCE_IDS.routes);
    const lines = await read(TRANSIT_SOURCE_IDS.lines);
    const contours: FeatureCollection<Polygon | MultiPolygon, { code: string }> = {
      type: 'FeatureCollection',
      features: ctx.contours.map((c) => ({
        type: 'Feature',
        properties: { code: c.properties.code },
        geometry: c.geometry
      }))
    };
    const epciOutline: Feature<Polygon | MultiPolygon> = {
      type: 'Feature',
      properties: {},
      geometry: ctx.outline
    };
    const modeRules = loadDefaultTransitModeRules();
    const result = buildTransit({
      stopsCsv: stops.text,
      routesCsv: routes.text,
      linesGeojson: lines.text,
      files: { stops: stops.location, routes: routes.location, lines: lines.location },
      contours,
      epciOutline,
      // One source of truth, editable by a planner: data/parameters/transit-modes.json.
      nearBorderM: modeRules.nearBorderM,
      modes: modeRules,
      departementBox: departementBox(ctx)
    });
    ctx.outputs.transitLines = result.lines;
    ctx.outputs.transitStops = result.stops;
    ctx.report.datasets.push(...result.report);
    for (const [key, items] of Object.entries(result.diagnostics))
      ctx.diag(`transit.${key}`, items);
  }
};

/** Bounding box of the EPCI's département(s), from the contour source (see ./validate.ts). */
function departementBox(ctx: BuildContext): { bbox: Bbox; departements: string[] } {
  return departementBbox(ctx.contours, ctx.memberCodes, ctx.source('communes-ign').id);
}

/** The features, once every coordinate is checked to lie in the département box. */
function inDepartement<F extends { properties: unknown; geometry: { coordinates: unknown } }>(
  ctx: BuildContext,
  features: F[],
  file: string,
  idProperty: string
): F[] {
  assertFeaturesInBbox(features, { file, idProperty, ...departementBox(ctx) });
  return features;
}

/** The steps, in order; later steps may use what earlier ones put in the context. */
export const PIPELINE_STEPS: PipelineStep[] = [
  communesStep,
  sruStep,
  inseeStep,
  gridStep,
  qpvStep,
  transitStep,
  svgGeometryStep,
  cmsStep
];

/**
 * Appended step: precomputed indicators (`static/data/indicators.json`) from the pure functions of
 * `src/lib/indicators/` via `./indicators-step.ts`. Not in PIPELINE_STEPS so that `buildOutputs`
 * stays fast for the tests that only need the base outputs; `npm run data` appends it.
 */
export const indicatorsStep: PipelineStep = {
  name: 'indicators',
  run(ctx) {
    const o = ctx.outputs;
    if (!o.communes || !o.qpv || !o.transitStops || !o.populationGrid || !o.sru || !o.insee) {
      throw new Error('étape indicators : les sorties de base doivent être construites d’abord');
    }
    const { file, diagnostics } = buildIndicatorsFileWithDiagnostics({
      epci: ctx.epci.code,
      communes: o.communes,
      qpv: o.qpv,
      transitStops: o.transitStops,
      grid: o.populationGrid,
      sru: o.sru,
      insee: o.insee
    });
    o.indicators = file;
    ctx.report.datasets.push({
      dataset: 'indicators',
      read: o.communes.features.length + o.qpv.features.length,
      kept: file.communes.length + file.qpv.length
    });
    ctx.diag('indicators.sru.unmatched', diagnostics.sru.unmatched);
    ctx.diag('indicators.sru.unused', diagnostics.sru.unused);
    ctx.diag('indicators.insee.unmatched', diagnostics.insee.unmatched);
    ctx.diag('indicators.insee.unused', diagnostics.insee.unused);
    ctx.diag('indicators.qpvUnused', diagnostics.qpvUnused);
  }
};

/** Build every output in memory (no file is written, except the download cache when online). */
export async function buildOutputs(
  options: BuildOptions & { steps?: readonly PipelineStep[] }
): Promise<{ outputs: PipelineOutputs; report: PipelineReport }> {
  const started = performance.now();
  const epci = loadEpci(options.epci);
  const manifest = loadManifest(options.manifestPath ?? resolve(REPO_ROOT, 'data/sources.json'));
  const sourcesDir = options.sourcesDir;
  checkMirrorSizes(manifest, sourcesDir);
  const readOptions: ReadOptions = {
    sourcesDir,
    cacheDir:
      options.cacheDir === undefined ? resolve(REPO_ROOT, '.cache/sources') : options.cacheDir,
    ...(options.fetchImpl ? { fetchImpl: options.fetchImpl } : {}),
    ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {})
  };
  const report: PipelineReport = {
    epci: epci.code,
    datasets: [],
    diagnostics: {},
    gaps: {},
    stepMs: {},
    durationMs: 0
  };
  const sourcesUsed: BuildMeta['sources'] = [];
  const record = (got: SourceBytes) => {
    // meta.json is published: a mirror file is named by its path inside the mirror, not by a
    // path of the build machine (error messages keep the full path).
    const mirrorPath = sourceById(manifest, got.id).mirrorPath;
    const location = got.origin === 'mirror' && mirrorPath !== null ? mirrorPath : got.location;
    if (!sourcesUsed.some((s) => s.id === got.id && s.location === location)) {
      sourcesUsed.push({ id: got.id, origin: got.origin, location });
    }
    return got;
  };
  const ctx: BuildContext = {
    options,
    manifest,
    epci,
    memberCodes: epci.membres.map((m) => m.code),
    outputs: {},
    report,
    sourcesUsed,
    contours: [],
    outline: null,
    qpv2024: [],
    source: (id) => sourceById(manifest, id),
    read: async (id, extra) =>
      record(await readSource(sourceById(manifest, id), { ...readOptions, ...extra })),
    tryRead: async (id, extra) => {
      const got = await tryReadSource(sourceById(manifest, id), { ...readOptions, ...extra });
      return 'missing' in got ? got : record(got);
    },
    covers: (id) => {
      const c = sourceById(manifest, id).coverageEpci;
      return c === undefined || c.includes(epci.code);
    },
    diag: (key, items) => {
      if (items.length > 0) report.diagnostics[key] = [...items];
    }
  };
  for (const step of options.steps ?? PIPELINE_STEPS) {
    const t = performance.now();
    await step.run(ctx);
    report.stepMs[step.name] = Math.round(performance.now() - t);
  }
  const o = ctx.outputs;
  const emptyLines: TransitLinesCollection = { type: 'FeatureCollection', features: [] };
  const emptyStops: TransitStopsCollection = { type: 'FeatureCollection', features: [] };
  const emptyQpv: QpvCollection = { type: 'FeatureCollection', features: [] };
  const emptyQpv2015: QpvOutlines2015Collection = { type: 'FeatureCollection', features: [] };
  if (!o.communes || !o.epci || !o.sru || !o.insee || !o.populationGrid) {
    throw new Error('pipeline : une étape obligatoire n’a pas produit sa sortie');
  }
  const outputs: PipelineOutputs = {
    communes: o.communes,
    epci: o.epci,
    qpv: o.qpv ?? emptyQpv,
    qpvOutlines2015: o.qpvOutlines2015 ?? emptyQpv2015,
    populationGrid: o.populationGrid,
    transitLines: o.transitLines ?? emptyLines,
    transitStops: o.transitStops ?? emptyStops,
    sru: o.sru,
    insee: o.insee,
    meta: {
      epci: { code: epci.code, nom: epci.nom, communes: epci.membres.length },
      sources: sourcesUsed,
      qpv2024: ctx.qpv2024,
      gaps: report.gaps,
      builtAt: (options.builtAt ?? new Date()).toISOString()
    },
    ...(o.indicators ? { indicators: o.indicators } : {}),
    ...(o.svgOverview ? { svgOverview: o.svgOverview } : {}),
    ...(o.svgTransit ? { svgTransit: o.svgTransit } : {}),
    ...(o.cms ? { cms: o.cms } : {})
  };
  report.durationMs = Math.round(performance.now() - started);
  return { outputs, report };
}
