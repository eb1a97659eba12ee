/**
 * Prints the linking targets measured on the generated data (`npm run data` first):
 * share of universal items and distinct sets of targeted items across the communes.
 * Run: `npx tsx scripts/workshop/linking-stats.ts [path/to/propositions.csv]`.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseWorkshopCsv } from '../../src/lib/data/workshop';
import { linkingStats } from '../../src/lib/linking/stats';
import { indicatorsFileSchema } from '../../src/lib/schemas/indicators';

const root = resolve(import.meta.dirname, '..', '..');
const csvPath = process.argv[2] ?? resolve(root, 'data/workshop/propositions.csv');
const indicators = indicatorsFileSchema.parse(
  JSON.parse(readFileSync(resolve(root, 'static/data/indicators.json'), 'utf8'))
);
const { items, errors } = parseWorkshopCsv(readFileSync(csvPath, 'utf8'), csvPath);
if (errors.length > 0) throw new Error(`${csvPath}: ${errors.length} bad rows`);
const communes = linkingStats(
  items,
  indicators.communes.map((c) => c.profile)
);
const qpv = linkingStats(
  items,
  indicators.qpv.map((q) => q.profile)
);
const names = new Map(indicators.communes.map((c) => [c.code, c.nom]));
console.log(
  `items ${communes.items}, universal ${communes.universal} (${communes.universalSharePct.toFixed(1)} %)`
);
console.log(
  `distinct sets of targeted items: ${communes.distinctSets} across ${indicators.communes.length} communes; ${qpv.distinctSets} across ${indicators.qpv.length} QPV`
);
for (const g of communes.groups)
  console.log(`  ${g.length}: ${g.map((c) => names.get(c) ?? c).join(', ')}`);
