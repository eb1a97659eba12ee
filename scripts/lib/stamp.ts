/** Whether the generated outputs are present and were built for this EPCI and pipeline version. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { PIPELINE_VERSION } from './build';
import { OUTPUT_FILES, STAMP_PATH } from './write';

const stampSchema = z.object({ pipelineVersion: z.number(), epci: z.string() });

/** The reason to rebuild, or null when the outputs are up to date. */
export function rebuildReason(rootDir: string, epci: string): string | null {
  const stampFile = join(rootDir, STAMP_PATH);
  if (!existsSync(stampFile)) return `${STAMP_PATH} is missing`;
  let stamp: z.infer<typeof stampSchema>;
  try {
    stamp = stampSchema.parse(JSON.parse(readFileSync(stampFile, 'utf8')));
  } catch {
    return `${STAMP_PATH} is unreadable`;
  }
  if (stamp.epci !== epci) return `outputs were built for EPCI ${stamp.epci}, not ${epci}`;
  if (stamp.pipelineVersion !== PIPELINE_VERSION) {
    return `outputs were built by pipeline version ${stamp.pipelineVersion}, not ${PIPELINE_VERSION}`;
  }
  for (const spec of Object.values(OUTPUT_FILES)) {
    if (!existsSync(join(rootDir, spec.path))) return `${spec.path} is missing`;
  }
  return null;
}
