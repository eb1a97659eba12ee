import { readFileSync, existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Modules a module evaluates with it: its static value imports (not `import type`, not dynamic
 * `import()`), followed through relative paths inside `src/lib`.
 */
function evaluatedWith(entry: string): Set<string> {
  const seen = new Set<string>();
  const walk = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/^(?:import|export)\s+(?!type\b)[^;]*?from\s+'(\.[^']+)'/gms)) {
      const spec = m[1]!;
      const base = resolve(dirname(file), spec);
      const target = [base, `${base}.ts`].find((p) => existsSync(p) && p.endsWith('.ts'));
      if (target) walk(target);
    }
  };
  walk(resolve(entry));
  return seen;
}

const lib = (p: string) => resolve('src/lib', p);
const REGISTRY = ['data/app-data.ts', 'schemas/outputs.ts', 'schemas/indicators.ts'].map(lib);

describe('loading one file builds only its schema', () => {
  it('the registry builds every contract (the walk sees through imports)', () => {
    const reached = evaluatedWith(lib('data/app-data.ts'));
    for (const file of REGISTRY) expect(reached).toContain(file);
    expect(reached).toContain(lib('schemas/svg-map.ts'));
  });

  it.each(['data/slides.ts', 'data/load-file.ts', 'schemas/svg-map.ts', 'schemas/slides.ts'])(
    '%s reaches neither the registry nor the big contracts',
    (entry) => {
      const reached = evaluatedWith(lib(entry));
      for (const file of REGISTRY) expect(reached).not.toContain(file);
    }
  );
});
