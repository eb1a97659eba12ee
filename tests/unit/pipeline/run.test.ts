import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../../scripts/lib/build';
import { resolveSourcesDir } from '../../../scripts/lib/run';

describe('resolveSourcesDir', () => {
  it('uses PLH_SOURCES when set', () => {
    expect(resolveSourcesDir({ PLH_SOURCES: '/tmp/some-mirror' })).toBe('/tmp/some-mirror');
  });

  it('PLH_SOURCES=none means no mirror: every dataset comes from its official URL', () => {
    expect(resolveSourcesDir({ PLH_SOURCES: 'none' })).toBeNull();
  });

  it('defaults to ../shared/sources only when it exists', () => {
    const fallback = resolve(REPO_ROOT, '..', 'shared', 'sources');
    expect(resolveSourcesDir({})).toBe(existsSync(fallback) ? fallback : null);
  });
});
