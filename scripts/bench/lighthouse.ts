/**
 * Lighthouse bench (called by `npm run bench`): Lighthouse 12.2.3, its default mobile preset
 * (simulated slow 4G and 4× CPU slowdown, Moto G power viewport), on the pages of issue 12, the
 * build served by nginx with `deploy/nginx.conf` (compression, cache rules and CSP as deployed),
 * Debian's Chromium headless. Median of RUNS runs per page for the performance score and total
 * blocking time; accessibility and best practices from the same runs (they do not vary).
 * Without nginx the bench says so and measures nothing: the plain test server does not compress,
 * which would understate every score.
 */
import { resolve } from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { findNginx, startNginx } from '../../tests/browser/nginx';

const RUNS = 3;
const PAGES = ['/', '/commune/38185', '/propositions', '/presentation?territoires=38185,38111'];
const TARGETS = { performance: 90, tbtMs: 200, accessibility: 100, bestPractices: 95 };

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

export interface Run {
  performance: number;
  accessibility: number;
  bestPractices: number;
  tbtMs: number;
  lcpMs: number;
  transferKB: number;
  /**
   * Lighthouse's measure of this machine's CPU speed: scores under its simulated 4× slowdown
   * depend on it, and Lighthouse warns below 1 000 (a slower machine than it assumes).
   */
  benchmarkIndex: number;
  /** Audits of accessibility and best practices that fail (id: title). */
  failing: string[];
}

export async function runOnce(url: string, port: number): Promise<Run> {
  const result = await lighthouse(url, {
    port,
    output: 'json',
    logLevel: 'error',
    onlyCategories: ['performance', 'accessibility', 'best-practices']
  });
  if (!result) throw new Error(`Lighthouse n'a rien renvoyé pour ${url}`);
  const { categories, audits } = result.lhr;
  const score = (id: string) => Math.round((categories[id]?.score ?? 0) * 100);
  const num = (id: string) => audits[id]?.numericValue ?? Number.NaN;
  return {
    performance: score('performance'),
    accessibility: score('accessibility'),
    bestPractices: score('best-practices'),
    tbtMs: num('total-blocking-time'),
    lcpMs: num('largest-contentful-paint'),
    transferKB: num('total-byte-weight') / 1024,
    benchmarkIndex: result.lhr.environment.benchmarkIndex,
    failing: ['accessibility', 'best-practices'].flatMap((c) =>
      (categories[c]?.auditRefs ?? [])
        .filter((ref) => ref.weight > 0 && (audits[ref.id]?.score ?? 1) < 1)
        .map((ref) => `${ref.id}: ${audits[ref.id]?.title ?? ''}`)
    )
  };
}

/** Headless Chromium for Lighthouse (the flags of every browser run of this repository). */
export function launchChrome() {
  return chromeLauncher.launch({
    chromePath: '/usr/bin/chromium',
    chromeFlags: [
      '--headless=new',
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run'
    ]
  });
}

export async function benchLighthouse(): Promise<string> {
  if (!findNginx())
    return 'nginx absent (apt-get install nginx) : mesure Lighthouse non faite, le serveur de test ne compresse pas.';
  const nginx = await startNginx(resolve('build'));
  const chrome = await launchChrome();
  const lines = [
    `Lighthouse 12.2.3, profil mobile par défaut, médiane de ${RUNS} passages, servi par nginx (deploy/nginx.conf) :`,
    `  ${'page'.padEnd(40)} perf   TBT (ms)   LCP (ms)   poids (Ko)   access.   bonnes pr.`
  ];
  const verdicts: string[] = [];
  const machine: number[] = [];
  try {
    for (const path of PAGES) {
      const runs: Run[] = [];
      for (let i = 0; i < RUNS; i++) runs.push(await runOnce(`${nginx.url}${path}`, chrome.port));
      const m = (k: Exclude<keyof Run, 'failing'>) => median(runs.map((r) => r[k]));
      machine.push(...runs.map((r) => r.benchmarkIndex));
      lines.push(
        `  ${path.padEnd(40)} ${String(m('performance')).padStart(4)}   ${m('tbtMs').toFixed(0).padStart(8)}   ${m('lcpMs').toFixed(0).padStart(8)}   ${m('transferKB').toFixed(0).padStart(10)}   ${String(m('accessibility')).padStart(7)}   ${String(m('bestPractices')).padStart(10)}`
      );
      const misses = [
        m('performance') < TARGETS.performance &&
          `performance ${m('performance')} < ${TARGETS.performance}`,
        m('tbtMs') > TARGETS.tbtMs && `TBT ${m('tbtMs').toFixed(0)} ms > ${TARGETS.tbtMs} ms`,
        m('accessibility') < TARGETS.accessibility && `accessibilité ${m('accessibility')} < 100`,
        m('bestPractices') < TARGETS.bestPractices &&
          `bonnes pratiques ${m('bestPractices')} < ${TARGETS.bestPractices}`
      ].filter(Boolean);
      verdicts.push(`  ${path} : ${misses.length === 0 ? 'cibles atteintes' : misses.join(', ')}`);
    }
  } finally {
    await chrome.kill();
    await nginx.dispose();
  }
  lines.push(
    `Vitesse de cette machine selon Lighthouse (benchmarkIndex, médiane) : ${median(machine).toFixed(0)}. Les scores en dépendent ; Lighthouse prévient sous 1 000 (machine plus lente que celle que suppose son ralentissement 4×).`,
    `Cibles : performance ≥ ${TARGETS.performance}, TBT ≤ ${TARGETS.tbtMs} ms, accessibilité 100, bonnes pratiques ≥ ${TARGETS.bestPractices}.`,
    ...verdicts
  );
  return lines.join('\n');
}

// Direct run: `npx tsx scripts/bench/lighthouse.ts`.
if (process.argv[1] && resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname)) {
  console.log(await benchLighthouse());
}
