/**
 * The CLI run of the pipeline, shared by `npm run data` and `ensure-data`: reads the environment,
 * builds, writes atomically and returns the printed report.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  buildOutputs,
  DEFAULT_EPCI,
  indicatorsStep,
  PIPELINE_STEPS,
  REPO_ROOT,
  type PipelineReport
} from './build';
import { inputsFingerprint } from './stamp';
import { checkWorkshopCsv, WORKSHOP_PATH } from './workshop-check';
import { writeOutputs, type WrittenFile } from './write';

/**
 * The mirror directory: `PLH_SOURCES` when set (`none` = no mirror, download every dataset from
 * its official URL), else `../shared/sources` when it exists, else none.
 */
export function resolveSourcesDir(env: NodeJS.ProcessEnv = process.env): string | null {
  if (env.PLH_SOURCES === 'none') return null;
  if (env.PLH_SOURCES) return resolve(env.PLH_SOURCES);
  const fallback = resolve(REPO_ROOT, '..', 'shared', 'sources');
  return existsSync(fallback) ? fallback : null;
}

export function formatReport(
  report: PipelineReport,
  files: WrittenFile[],
  totalMs: number
): string {
  const lines: string[] = [
    `EPCI ${report.epci}`,
    '',
    `${'jeu de données'.padEnd(28)} ${'lues'.padStart(6)}  ${'gardées'.padStart(7)}`
  ];
  for (const d of report.datasets) {
    lines.push(
      `${d.dataset.padEnd(28)} ${String(d.read).padStart(6)}  ${String(d.kept).padStart(7)}`
    );
  }
  const diag = Object.entries(report.diagnostics);
  if (diag.length > 0) {
    lines.push('', 'diagnostics :');
    for (const [key, items] of diag) {
      const shown = items.slice(0, 12).join(' ; ');
      lines.push(`  ${key} (${items.length}) : ${shown}${items.length > 12 ? ' ; …' : ''}`);
    }
  }
  const gaps = Object.entries(report.gaps);
  lines.push(
    '',
    gaps.length > 0
      ? 'lacunes de couverture (« pas de donnée ») :'
      : 'lacunes de couverture : aucune'
  );
  for (const [id, codes] of gaps) lines.push(`  ${id} : ${codes.length} commune(s) membre(s)`);
  lines.push('', `${'fichier'.padEnd(36)} ${'octets'.padStart(9)} ${'gzip'.padStart(9)}`);
  let raw = 0;
  let gz = 0;
  for (const f of files) {
    raw += f.bytes;
    gz += f.gzipBytes;
    lines.push(
      `${f.path.padEnd(36)} ${String(f.bytes).padStart(9)} ${String(f.gzipBytes).padStart(9)}`
    );
  }
  lines.push(`${'total'.padEnd(36)} ${String(raw).padStart(9)} ${String(gz).padStart(9)}`);
  const steps = Object.entries(report.stepMs)
    .map(([name, ms]) => `${name} ${ms}`)
    .join(', ');
  lines.push('', `construction ${report.durationMs} ms (${steps}), total ${totalMs} ms`);
  return lines.join('\n');
}

/** EPCI asked for by the environment (PLH_EPCI), default Grenoble-Alpes Métropole. */
export function epciFromEnv(env: NodeJS.ProcessEnv = process.env): string {
  return env.PLH_EPCI?.trim() || DEFAULT_EPCI;
}

export interface RunOptions {
  /** Where outputs are written and the workshop base is read; default the repo. */
  rootDir?: string;
  /** Passed to buildOutputs (tests). */
  fetchImpl?: typeof fetch;
  manifestPath?: string;
  qpvCorrespondancePath?: string;
  cacheDir?: string | null;
}

/**
 * Checks the workshop base, builds every output in memory, then writes them atomically: any bad
 * source throws before the first write, so the previous outputs stay as they were.
 */
export async function runPipeline(
  env: NodeJS.ProcessEnv = process.env,
  options: RunOptions = {}
): Promise<void> {
  const started = performance.now();
  const rootDir = options.rootDir ?? REPO_ROOT;
  const epci = epciFromEnv(env);
  const sourcesDir = resolveSourcesDir(env);
  console.log(
    `Pipeline de données Atlas PLH : EPCI ${epci}, sources ${sourcesDir ?? '(pas de miroir : URL officielles)'}`
  );
  // Fingerprint taken before reading: a file edited during the build triggers another one.
  const inputs = inputsFingerprint(REPO_ROOT, sourcesDir);
  const workshopItems = checkWorkshopCsv(rootDir);
  const { outputs, report } = await buildOutputs({
    sourcesDir,
    epci,
    qpv2024Url: env.PLH_QPV2024_URL ?? null,
    steps: [...PIPELINE_STEPS, indicatorsStep],
    ...(options.fetchImpl ? { fetchImpl: options.fetchImpl } : {}),
    ...(options.manifestPath ? { manifestPath: options.manifestPath } : {}),
    ...(options.qpvCorrespondancePath
      ? { qpvCorrespondancePath: options.qpvCorrespondancePath }
      : {}),
    ...(options.cacheDir !== undefined ? { cacheDir: options.cacheDir } : {})
  });
  const files = writeOutputs(outputs, rootDir, { epci: outputs.meta.epci.code, inputs });
  console.log(formatReport(report, files, Math.round(performance.now() - started)));
  console.log(`${WORKSHOP_PATH} : ${workshopItems} éléments, aucune ligne rejetée`);
}
