/**
 * The sample server configurations (deploy/nginx.conf, deploy/_headers) must say what the app
 * needs: the CSP of svelte.config.js plus frame-ancestors, and the right cache rule per path.
 * tests/browser/deploy.e2e.ts checks the nginx file under a real nginx.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import config from '../../../svelte.config.js';

const nginx = readFileSync(resolve('deploy/nginx.conf'), 'utf8');
const headers = readFileSync(resolve('deploy/_headers'), 'utf8');

/** The header policy: every kit.csp directive but default-src/script-src, then frame-ancestors. */
function expectedHeaderCsp(): string {
  const KEYWORDS = new Set(['self', 'none', 'unsafe-inline', 'unsafe-eval', 'strict-dynamic']);
  const directives = config.kit?.csp?.directives ?? {};
  const parts = Object.entries(directives)
    .filter(([name]) => name !== 'default-src' && name !== 'script-src')
    .map(([name, values]) => {
      const list = (values as string[]).map((v) => (KEYWORDS.has(v) ? `'${v}'` : v));
      return `${name} ${list.join(' ')}`;
    });
  return [...parts, "frame-ancestors 'none'"].join('; ');
}

describe('CSP header', () => {
  it('svelte.config.js still has the directives the app needs', () => {
    const d = config.kit?.csp?.directives ?? {};
    // MapLibre's workers are blob: URLs; the PNG export draws blob: images.
    expect(d['worker-src']).toEqual(expect.arrayContaining(['self', 'blob:']));
    expect(d['img-src']).toEqual(expect.arrayContaining(['blob:', 'data:']));
    expect(d['script-src']).toEqual(['self']);
  });

  it('nginx.conf sends the app policy plus frame-ancestors', () => {
    const m = /add_header Content-Security-Policy "([^"]+)" always;/.exec(nginx);
    expect(m?.[1]).toBe(expectedHeaderCsp());
  });

  it('_headers sends the same policy', () => {
    const m = /^ {2}Content-Security-Policy: (.+)$/m.exec(headers);
    expect(m?.[1]).toBe(expectedHeaderCsp());
  });
});

describe('cache rules', () => {
  // The nginx `map` of $uri → Cache-Control, evaluated as nginx does (first matching regex wins).
  const block = /map \$uri \$atlas_plh_cache_control \{([\s\S]*?)\n\}/.exec(nginx)?.[1] ?? '';
  const rules = [...block.matchAll(/^\s*(~\S+|default)\s+"([^"]+)";/gm)].map((m) => ({
    pattern: m[1]!,
    value: m[2]!
  }));
  function cacheControl(uri: string): string | undefined {
    const hit = rules.find(
      (r) => r.pattern !== 'default' && new RegExp(r.pattern.slice(1)).test(uri)
    );
    return (hit ?? rules.find((r) => r.pattern === 'default'))?.value;
  }

  it.each([
    ['/_app/immutable/chunks/CXFDuHok.js', 'public, max-age=31536000, immutable'],
    ['/_app/immutable/assets/maplibre-gl.DUkcKjv7.mjs', 'public, max-age=31536000, immutable'],
    ['/service-worker.js', 'no-store'],
    ['/data/meta.json', 'no-store'],
    ['/_app/version.json', 'no-store'],
    ['/data/indicators.json', 'no-cache'],
    ['/geo/communes.geojson', 'no-cache'],
    ['/index.html', 'no-cache'],
    ['/commune/38185.html', 'no-cache'],
    ['/data/meta.json.bak', 'no-cache']
  ])('nginx: %s → %s', (uri, expected) => {
    expect(rules.length).toBe(3);
    expect(cacheControl(uri)).toBe(expected);
  });

  it.each([
    ['/_app/immutable/*', 'public, max-age=31536000, immutable'],
    ['/service-worker.js', 'no-store'],
    ['/data/meta.json', 'no-store'],
    ['/_app/version.json', 'no-store']
  ])('_headers: %s → %s', (path, expected) => {
    const section = new RegExp(`^${path.replace(/[.*]/g, '\\$&')}\\n {2}Cache-Control: (.+)$`, 'm');
    expect(section.exec(headers)?.[1]).toBe(expected);
  });

  it('_headers sets no Cache-Control for every path (hosts add matching rules up)', () => {
    const all = /^\/\*\n((?: {2}.+\n)+)/m.exec(headers)?.[1] ?? '';
    expect(all).toContain('Content-Security-Policy');
    expect(all).not.toContain('Cache-Control');
  });
});
