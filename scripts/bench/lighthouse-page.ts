/**
 * Lighthouse on one page, for work on that page's speed without running the whole bench:
 * `npx tsx scripts/bench/lighthouse-page.ts /propositions [runs=1] [build dir=build]`. Same
 * Lighthouse settings, nginx configuration and Chromium as `npm run bench`
 * (scripts/bench/lighthouse.ts); prints every run and the median.
 */
import { resolve } from 'node:path';
import { startNginx } from '../../tests/browser/nginx';
import { launchChrome, median, runOnce, type Run } from './lighthouse';

const [path = '/', runsArg = '1', dir = 'build'] = process.argv.slice(2);
const runs = Math.max(1, Number(runsArg) || 1);
const nginx = await startNginx(resolve(dir));
const chrome = await launchChrome();
try {
  const all: Run[] = [];
  for (let i = 0; i < runs; i++) {
    const r = await runOnce(`${nginx.url}${path}`, chrome.port);
    all.push(r);
    console.log(
      `run ${i + 1}: perf ${r.performance}, TBT ${r.tbtMs.toFixed(0)} ms, LCP ${r.lcpMs.toFixed(0)} ms, ${r.transferKB.toFixed(0)} KB, access. ${r.accessibility}, best pr. ${r.bestPractices}, benchmarkIndex ${r.benchmarkIndex.toFixed(0)}`
    );
    for (const f of r.failing) console.log(`  failing: ${f}`);
  }
  const m = (k: Exclude<keyof Run, 'failing'>) => median(all.map((r) => r[k]));
  console.log(
    `${path}, median of ${runs}: perf ${m('performance')}, TBT ${m('tbtMs').toFixed(0)} ms, LCP ${m('lcpMs').toFixed(0)} ms, ${m('transferKB').toFixed(0)} KB`
  );
} finally {
  await chrome.kill();
  await nginx.dispose();
}
