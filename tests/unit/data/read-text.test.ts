import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readTextOr } from '../../../src/lib/data/read-text';

describe('readTextOr', () => {
  const dir = mkdtempSync(join(tmpdir(), 'read-text-'));
  it('reads the UTF-8 text of a file', () => {
    const path = join(dir, 'a.json');
    writeFileSync(path, '{"nom":"Saint-Martin-d’Hères"}');
    expect(readTextOr(path, () => new Error('never'))).toBe('{"nom":"Saint-Martin-d’Hères"}');
  });
  it.each([
    ['a missing file', join(dir, 'absent.json'), 'ENOENT'],
    ['a folder', dir, 'EISDIR']
  ])('throws the caller’s error for %s, with the system’s cause', (_name, path, cause) => {
    expect(() => readTextOr(path, (c) => new Error(`x.json : fichier illisible (${c})`))).toThrow(
      `x.json : fichier illisible (${cause})`
    );
  });
});
