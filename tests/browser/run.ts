/**
 * Runs the browser journeys against the static build (`npm run build` first).
 * Usage: tsx tests/browser/run.ts [filter]
 */
import { existsSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { launchChromium, makeContext, registry, setCurrentFile } from './harness';
import { startStaticServer, type StaticServer } from './static-server';

const BUILD = resolve('build');
if (!existsSync(resolve(BUILD, 'index.html'))) {
  console.error('build/index.html is missing: run `npm run build` first.');
  process.exit(1);
}

const filter = process.argv[2] ?? '';
const dir = resolve('tests/browser');
for (const file of readdirSync(dir)
  .filter((f) => f.endsWith('.e2e.ts'))
  .sort()) {
  setCurrentFile(file);
  await import(pathToFileURL(resolve(dir, file)).href);
}

let server: StaticServer = await startStaticServer(BUILD);
let serving = true;
const port = server.port;
const browser = await launchChromium();
const ctx = makeContext(browser, () => server, {
  stop: async () => {
    if (!serving) return;
    await server.close();
    serving = false;
  },
  start: async () => {
    if (serving) return;
    server = await startStaticServer(BUILD, port);
    serving = true;
  }
});

let passed = 0;
let failed = 0;
const selected = registry.filter((t) => `${t.file} ${t.name}`.includes(filter));
for (const t of selected) {
  const started = performance.now();
  try {
    await t.fn(ctx);
    passed++;
    console.log(`  ✓ ${t.file} › ${t.name} (${Math.round(performance.now() - started)} ms)`);
  } catch (error) {
    failed++;
    console.log(`  ✗ ${t.file} › ${t.name}`);
    console.log(`    ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    // A journey that cut the network must not break the next ones.
    await ctx.server.start();
  }
}
await browser.close();
await server.close().catch(() => undefined);
console.log(`\nbrowser: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 && selected.length > 0 ? 0 : 1);
