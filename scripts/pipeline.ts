/**
 * `npm run data`: builds the generated files under static/ for the EPCI `PLH_EPCI` (default
 * Grenoble-Alpes Métropole) from the sources mirror `PLH_SOURCES` (default ../shared/sources when it
 * exists) or the official URLs, then prints a short report. Exit code 1 with the message on error.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildOutputs, DEFAULT_EPCI, REPO_ROOT, type PipelineReport } from './lib/build';
import { writeOutputs, type WrittenFile } from './lib/write';

export function resolveSourcesDir(env: NodeJS.ProcessEnv = process.env): string | null {
  if (env.PLH_SOURCES) return resolve(env.PLH_SOURCES);
  const fallback = resolve(REPO_ROOT, '..', 'shared', 'sources');
  return existsSync(fallback) ? fallback : null;
}

function formatReport(report: PipelineReport, files: WrittenFile[], totalMs: number): string {
  const lines: string[] = [
    `EPCI ${report.epci}`,
    '',
    'dataset                        read    kept'
  ];
  for (const d of report.datasets) {
    lines.push(
      `${d.dataset.padEnd(28)} ${String(d.read).padStart(6)}  ${String(d.kept).padStart(6)}`
    );
  }
  const diag = Object.entries(report.diagnostics);
  if (diag.length > 0) {
    lines.push('', 'diagnostics:');
    for (const [key, items] of diag) {
      const shown = items.slice(0, 12).join('; ');
      lines.push(`  ${key} (${items.length}): ${shown}${items.length > 12 ? '; …' : ''}`);
    }
  }
  const gaps = Object.entries(report.gaps);
  lines.push('', gaps.length > 0 ? 'coverage gaps (« pas de donnée »):' : 'coverage gaps: none');
  for (const [id, codes] of gaps) lines.push(`  ${id}: ${codes.length} member(s)`);
  lines.push('', 'file                                    bytes      gzip');
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
  lines.push('', `build ${report.durationMs} ms, total ${totalMs} ms`);
  return lines.join('\n');
}

async function main(): Promise<void> {
  const started = performance.now();
  const epci = process.env.PLH_EPCI?.trim() || DEFAULT_EPCI;
  const sourcesDir = resolveSourcesDir();
  console.log(
    `Atlas PLH data pipeline: EPCI ${epci}, sources ${sourcesDir ?? '(no mirror: official URLs)'}`
  );
  const { outputs, report } = await buildOutputs({
    sourcesDir,
    epci,
    qpv2024Url: process.env.PLH_QPV2024_URL ?? null
  });
  const files = writeOutputs(outputs, REPO_ROOT);
  console.log(formatReport(report, files, Math.round(performance.now() - started)));
}

main().catch((e: unknown) => {
  console.error(`npm run data failed: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
