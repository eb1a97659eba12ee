/** Whether the generated outputs are present and were built for this EPCI, pipeline version and inputs. */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from '../../src/lib/schemas/zod';
import { PIPELINE_VERSION } from './build';
import { OUTPUT_FILES, STAMP_PATH } from './write';

const stampSchema = z.object({
  pipelineVersion: z.number(),
  epci: z.string(),
  inputs: z.string().optional()
});

/** Repo files the outputs depend on (besides the code, covered by PIPELINE_VERSION). */
const REPO_INPUTS = ['data/sources.json', 'data/qpv-correspondance-2015-2024.csv'];
const PARAMETERS_DIR = 'data/parameters';

/**
 * Fingerprint of the inputs (path, size and modification time of the manifest, the parameter files
 * and every mirror file of the manifest): a source edited since the last build makes ensure-data
 * run the pipeline again, so `npm run build` also stops on a bad source. Stats only, no reading.
 */
export function inputsFingerprint(rootDir: string, sourcesDir: string | null): string {
  const files = [
    ...REPO_INPUTS.map((p) => join(rootDir, p)),
    ...readdirSync(join(rootDir, PARAMETERS_DIR))
      .filter((f) => f.endsWith('.json'))
      .sort()
      .map((f) => join(rootDir, PARAMETERS_DIR, f))
  ];
  if (sourcesDir !== null) {
    const manifest = JSON.parse(readFileSync(join(rootDir, 'data/sources.json'), 'utf8')) as {
      sources?: { mirrorPath?: string | null }[];
    };
    for (const s of manifest.sources ?? []) {
      if (typeof s.mirrorPath === 'string') files.push(resolve(sourcesDir, s.mirrorPath));
    }
  }
  const hash = createHash('sha256');
  for (const f of files) {
    const st = existsSync(f) ? statSync(f) : null;
    hash.update(`${f}\t${st ? `${st.size}\t${st.mtimeMs}` : 'absent'}\n`);
  }
  return hash.digest('hex').slice(0, 16);
}

/**
 * The reason to rebuild, or null when the outputs are up to date. `inputs` (a fingerprint from
 * `inputsFingerprint`) is compared when given.
 */
export function rebuildReason(rootDir: string, epci: string, inputs?: string): string | null {
  const stampFile = join(rootDir, STAMP_PATH);
  if (!existsSync(stampFile)) return `${STAMP_PATH} absent`;
  let stamp: z.infer<typeof stampSchema>;
  try {
    stamp = stampSchema.parse(JSON.parse(readFileSync(stampFile, 'utf8')));
  } catch {
    return `${STAMP_PATH} illisible`;
  }
  if (stamp.epci !== epci) return `sorties construites pour l’EPCI ${stamp.epci}, pas ${epci}`;
  if (stamp.pipelineVersion !== PIPELINE_VERSION) {
    return `sorties construites par la version ${stamp.pipelineVersion} du pipeline, pas ${PIPELINE_VERSION}`;
  }
  for (const spec of Object.values(OUTPUT_FILES)) {
    if (!existsSync(join(rootDir, spec.path))) return `${spec.path} absent`;
  }
  if (inputs !== undefined && stamp.inputs !== inputs) {
    return 'une source, le manifeste des sources ou un fichier de paramètres a changé depuis la dernière construction';
  }
  return null;
}
