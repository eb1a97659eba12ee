/**
 * Atomic writing of the pipeline outputs: every file is validated with its contract schema, written
 * into a temporary directory under `static/`, and only then renamed into place, so a failure never
 * leaves a mix of old and new files.
 */
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { z } from 'zod';
import { cmsFileSchema } from '../../src/lib/schemas/cms';
import { indicatorsFileSchema } from '../../src/lib/schemas/indicators';
import { svgOverviewSchema, svgTransitSchema } from '../../src/lib/schemas/svg-map';
import {
  buildMetaSchema,
  communesCollectionSchema,
  epciCollectionSchema,
  inseeFileSchema,
  populationGridSchema,
  qpvCollectionSchema,
  qpvOutlines2015CollectionSchema,
  sruFileSchema,
  transitLinesCollectionSchema,
  transitStopsCollectionSchema
} from '../../src/lib/schemas/outputs';
import { PIPELINE_VERSION, type PipelineOutputs } from './build';

/** Output key → path under the repo root and contract schema. */
export const OUTPUT_FILES: {
  [K in keyof PipelineOutputs]-?: { path: string; schema: z.ZodType };
} = {
  communes: { path: 'static/geo/communes.geojson', schema: communesCollectionSchema },
  epci: { path: 'static/geo/epci.geojson', schema: epciCollectionSchema },
  qpv: { path: 'static/geo/qpv.geojson', schema: qpvCollectionSchema },
  qpvOutlines2015: {
    path: 'static/geo/qpv-2015-outlines.geojson',
    schema: qpvOutlines2015CollectionSchema
  },
  populationGrid: { path: 'static/geo/population-grid.geojson', schema: populationGridSchema },
  transitLines: { path: 'static/geo/transit-lines.geojson', schema: transitLinesCollectionSchema },
  transitStops: { path: 'static/geo/transit-stops.geojson', schema: transitStopsCollectionSchema },
  sru: { path: 'static/data/sru.json', schema: sruFileSchema },
  insee: { path: 'static/data/insee.json', schema: inseeFileSchema },
  meta: { path: 'static/data/meta.json', schema: buildMetaSchema },
  indicators: { path: 'static/data/indicators.json', schema: indicatorsFileSchema },
  svgOverview: { path: 'static/geo/svg-overview.json', schema: svgOverviewSchema },
  svgTransit: { path: 'static/geo/svg-transit.json', schema: svgTransitSchema },
  cms: { path: 'static/data/cms.json', schema: cmsFileSchema }
};

/** Written last: which EPCI and pipeline version the outputs were built for (ensure-data reads it). */
export const STAMP_PATH = 'static/data/pipeline-stamp.json';

export interface WrittenFile {
  path: string;
  bytes: number;
  gzipBytes: number;
}

/** Validate, write to a temp dir, then rename into place. Returns the sizes written. */
export function writeOutputs(
  outputs: PipelineOutputs,
  rootDir: string,
  stamp: { epci: string; inputs?: string } = { epci: outputs.meta.epci.code }
): WrittenFile[] {
  const files: { path: string; text: string }[] = [];
  for (const [key, spec] of Object.entries(OUTPUT_FILES) as [
    keyof PipelineOutputs,
    { path: string; schema: z.ZodType }
  ][]) {
    const value = outputs[key];
    if (value === undefined) continue;
    const result = spec.schema.safeParse(value);
    if (!result.success) {
      const issue = result.error.issues[0];
      throw new Error(
        `${spec.path} : la sortie ne respecte pas son contrat, champ « ${(issue?.path ?? []).join('.')} » : ${issue?.message}`
      );
    }
    files.push({ path: spec.path, text: JSON.stringify(value) });
  }
  files.push({
    path: STAMP_PATH,
    text: JSON.stringify({
      pipelineVersion: PIPELINE_VERSION,
      epci: stamp.epci,
      ...(stamp.inputs !== undefined ? { inputs: stamp.inputs } : {})
    })
  });

  const tmp = join(rootDir, 'static', `.pipeline-tmp-${process.pid}`);
  rmSync(tmp, { recursive: true, force: true });
  try {
    for (const f of files) {
      const target = join(tmp, f.path);
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, f.text);
    }
    // The stamp goes last: an interrupted rename leaves an old or missing stamp, so ensure-data rebuilds.
    rmSync(join(rootDir, STAMP_PATH), { force: true });
    for (const f of files) {
      const target = join(rootDir, f.path);
      mkdirSync(dirname(target), { recursive: true });
      renameSync(join(tmp, f.path), target);
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  return files.map((f) => {
    const buf = Buffer.from(f.text);
    return { path: f.path, bytes: buf.length, gzipBytes: gzipSync(buf).length };
  });
}
