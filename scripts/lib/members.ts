/**
 * EPCI membership, official names (with article) and legal populations from the npm package
 * @etalab/decoupage-administratif (INSEE/DGCL). Read with fs rather than imported so the type
 * checker does not have to infer types for 37 000 communes.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { z } from '../../src/lib/schemas/zod';
import { sirenSchema } from '../../src/lib/schemas/common';
import { decoupageEpciSchema, type DecoupageEpci } from '../../src/lib/schemas/sources/decoupage';

const require = createRequire(import.meta.url);
const PACKAGE = '@etalab/decoupage-administratif';

function packageDir(): string {
  return dirname(require.resolve(`${PACKAGE}/package.json`));
}

export function decoupageVersion(): string {
  const pkg = JSON.parse(readFileSync(join(packageDir(), 'package.json'), 'utf8')) as unknown;
  return z.object({ version: z.string() }).parse(pkg).version;
}

/** Location string for meta.json. */
export function decoupageLocation(file: 'epci.json' | 'communes.json'): string {
  return `npm:${PACKAGE}@${decoupageVersion()}/data/${file}`;
}

/** The EPCI with its members; throws a clear error for a malformed or unknown SIREN. */
export function loadEpci(siren: string): DecoupageEpci {
  if (!sirenSchema.safeParse(siren).success) {
    throw new Error(`PLH_EPCI : « ${siren} » n’est pas un SIREN (9 chiffres attendus)`);
  }
  const file = join(packageDir(), 'data', 'epci.json');
  const list = z
    .array(z.object({ code: z.string() }).loose())
    .parse(JSON.parse(readFileSync(file, 'utf8')));
  const raw = list.find((e) => e.code === siren);
  if (!raw) {
    throw new Error(
      `PLH_EPCI : EPCI ${siren} inconnu de ${PACKAGE}@${decoupageVersion()} (data/epci.json)`
    );
  }
  const result = decoupageEpciSchema.safeParse(raw);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new Error(
      `${file}, EPCI ${siren}, champ « ${(issue?.path ?? []).join('.')} » : ${issue?.message}`
    );
  }
  return result.data;
}

/**
 * Former codes of each commune (communes nouvelles absorbed them), so that an older contour
 * vintage can be completed: member code → codes it replaced.
 */
export function loadFormerCodes(codes: readonly string[]): Map<string, string[]> {
  const file = join(packageDir(), 'data', 'communes.json');
  const raw = z
    .array(z.object({ code: z.string() }).loose())
    .parse(JSON.parse(readFileSync(file, 'utf8')));
  const wanted = new Set(codes);
  const entry = z.object({
    code: z.string(),
    type: z.string(),
    anciensCodes: z.array(z.string()).optional()
  });
  const out = new Map<string, string[]>();
  // Filter before the detailed parse: only the members matter.
  for (const item of raw.filter((c) => wanted.has(c.code))) {
    const c = entry.parse(item);
    if (c.type === 'commune-actuelle' && c.anciensCodes?.length) out.set(c.code, c.anciensCodes);
  }
  return out;
}
