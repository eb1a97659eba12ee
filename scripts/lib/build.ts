/**
 * Orchestration of the data pipeline: an ordered list of steps, each reading its sources (mirror,
 * URL or npm package), calling pure build functions and filling the outputs, the report and the
 * coverage gaps. `buildOutputs` works in memory; `writeOutputs` (./write.ts) writes atomically.
 */
import { resolve } from 'node:path';
import { parseFeatureCollection } from '../../src/lib/data/geojson';
import { parseInseeComparateur } from '../../src/lib/data/insee';
import {
  decodeSource,
  loadManifest,
  readSource,
  sourceById,
  tryReadSource,
  type ReadOptions,
  type SourceBytes
} from '../../src/lib/data/sources';
import { decodeWindows1252, parseSruCsv } from '../../src/lib/data/sru';
import type { IndicatorsFile } from '../../src/lib/schemas/indicators';
import type {
  BuildMeta,
  CommunesCollection,
  EpciCollection,
  InseeFile,
  PopulationGrid,
  QpvCollection,
  SruFile,
  TransitLinesCollection,
  TransitStopsCollection
} from '../../src/lib/schemas/outputs';
import type { SourceEntry, SourcesManifest } from '../../src/lib/schemas/sources-manifest';
import type { DecoupageEpci } from '../../src/lib/schemas/sources/decoupage';
import {
  communeContourFeatureSchema,
  gridCellFeatureSchema,
  type CommuneContourFeature
} from '../../src/lib/schemas/sources/geo';
import { buildCommunes } from './communes';
import type { AreaGeometry } from './geometry';
import { buildGrid } from './grid';
import { buildInsee } from './insee';
import { decoupageLocation, loadEpci, loadFormerCodes } from './members';
import { buildSru } from './sru';

/** Bump when the outputs change shape or method: ensure-data then rebuilds. */
export const PIPELINE_VERSION = 1;
export const DEFAULT_EPCI = '200040715';
export const REPO_ROOT = resolve(import.meta.dirname, '..', '..');

export interface PipelineOutputs {
  communes: CommunesCollection;
  epci: EpciCollection;
  qpv: QpvCollection;
  populationGrid: PopulationGrid;
  transitLines: TransitLinesCollection;
  transitStops: TransitStopsCollection;
  sru: SruFile;
  insee: InseeFile;
  meta: BuildMeta;
  /** Appended by the indicators step once it exists. */
  indicators?: IndicatorsFile;
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
    const contours = parseFeatureCollection(
      decodeSource(entry, src.bytes),
      src.location,
      communeContourFeatureSchema
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
    const cells = parseFeatureCollection(
      decodeSource(entry, src.bytes),
      src.location,
      gridCellFeatureSchema
    );
    ctx.outputs.populationGrid = buildGrid({ cells, outline: ctx.outline });
    ctx.report.datasets.push({
      dataset: id,
      read: cells.length,
      kept: ctx.outputs.populationGrid.features.length
    });
  }
};

/** The steps, in order; later steps may use what earlier ones put in the context. */
export const PIPELINE_STEPS: PipelineStep[] = [communesStep, sruStep, inseeStep, gridStep];

/** Build every output in memory (no file is written, except the download cache when online). */
export async function buildOutputs(
  options: BuildOptions & { steps?: readonly PipelineStep[] }
): Promise<{ outputs: PipelineOutputs; report: PipelineReport }> {
  const started = performance.now();
  const epci = loadEpci(options.epci);
  const manifest = loadManifest(options.manifestPath ?? resolve(REPO_ROOT, 'data/sources.json'));
  const sourcesDir = options.sourcesDir;
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
    durationMs: 0
  };
  const sourcesUsed: BuildMeta['sources'] = [];
  const record = (got: SourceBytes) => {
    if (!sourcesUsed.some((s) => s.id === got.id && s.location === got.location)) {
      sourcesUsed.push({ id: got.id, origin: got.origin, location: got.location });
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
    await step.run(ctx);
  }
  const o = ctx.outputs;
  const emptyLines: TransitLinesCollection = { type: 'FeatureCollection', features: [] };
  const emptyStops: TransitStopsCollection = { type: 'FeatureCollection', features: [] };
  const emptyQpv: QpvCollection = { type: 'FeatureCollection', features: [] };
  if (!o.communes || !o.epci || !o.sru || !o.insee || !o.populationGrid) {
    throw new Error('pipeline: a required step did not produce its output');
  }
  const outputs: PipelineOutputs = {
    communes: o.communes,
    epci: o.epci,
    qpv: o.qpv ?? emptyQpv,
    populationGrid: o.populationGrid,
    transitLines: o.transitLines ?? emptyLines,
    transitStops: o.transitStops ?? emptyStops,
    sru: o.sru,
    insee: o.insee,
    meta: {
      epci: { code: epci.code, nom: epci.nom, communes: epci.membres.length },
      sources: sourcesUsed,
      qpv2024: ctx.qpv2024,
      gaps: report.gaps
    },
    ...(o.indicators ? { indicators: o.indicators } : {})
  };
  report.durationMs = Math.round(performance.now() - started);
  return { outputs, report };
}
