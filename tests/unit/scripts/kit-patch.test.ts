import { describe, expect, it, vi } from 'vitest';
import { kitPatch } from '../../../scripts/vite/kit-patch';

type Transform = (
  this: { warn: (m: string) => void },
  code: string,
  id: string
) => { code: string } | null;

function transformOf(patch: (s: string) => string | null) {
  const plugin = kitPatch('test', 'utils.js', patch, 'changed');
  expect(plugin.apply).toBe('build');
  const warn = vi.fn();
  const run = (code: string, id: string) =>
    (plugin.transform as unknown as Transform).call({ warn }, code, id);
  return { run, warn };
}

describe('kitPatch', () => {
  const KIT = '/app/node_modules/@sveltejs/kit/src/runtime/client/utils.js';

  it('rewrites only the named file of SvelteKit’s client runtime (POSIX and Windows paths)', () => {
    const { run } = transformOf((s) => s.replace('a', 'b'));
    expect(run('a', KIT)?.code).toBe('b');
    expect(run('a', KIT.replaceAll('/', '\\'))?.code).toBe('b');
    expect(run('a', '/app/node_modules/@sveltejs/kit/src/runtime/client/client.js')).toBeNull();
    expect(run('a', '/app/src/runtime/client/utils.js')).toBeNull();
  });

  it('warns and keeps the file when the patch finds nothing to rewrite', () => {
    const { run, warn } = transformOf(() => null);
    expect(run('a', KIT)).toBeNull();
    expect(warn).toHaveBeenCalledWith('changed');
  });
});
