/**
 * `npm run bench`: speed and size figures of the indicators and of the web app, medians of
 * several runs on this machine. Each part lives in scripts/bench/ and returns a printable report.
 */
import { existsSync } from 'node:fs';

interface BenchPart {
  name: string;
  module: string;
  exportName: string;
}

const parts: BenchPart[] = [
  { name: 'Indicateurs', module: './bench/indicators.ts', exportName: 'benchIndicators' },
  { name: 'Application web', module: './bench/web.ts', exportName: 'benchWeb' },
  { name: 'Lighthouse', module: './bench/lighthouse.ts', exportName: 'benchLighthouse' }
];

let failed = false;
for (const part of parts) {
  const path = new URL(part.module, import.meta.url);
  if (!existsSync(path)) {
    console.error(`[bench] ${part.name}: ${part.module} is missing`);
    failed = true;
    continue;
  }
  const mod: Record<string, unknown> = await import(path.href);
  const run = mod[part.exportName];
  if (typeof run !== 'function') {
    console.error(`[bench] ${part.name}: ${part.module} does not export ${part.exportName}()`);
    failed = true;
    continue;
  }
  console.log(`\n=== ${part.name} ===`);
  console.log(await run());
}
process.exit(failed ? 1 : 0);
