/**
 * Scenario I/O: localStorage (one entry per scenario), JSON export/import (versioned file, zod),
 * CSV export (papaparse). Nothing here computes a projection.
 *
 * Safety rules:
 * - An import is validated entirely before anything is written: a corrupted file or an unknown
 *   version raises a `ScenarioImportError` with a French message and leaves storage untouched.
 * - A stored entry that no longer parses is never deleted: its raw text is moved to a
 *   « mis de côté » key and reported, so the user (or support) can still recover it.
 */
import Papa from 'papaparse';
import type { z } from 'zod';
import type { ScenarioView } from '../arbitration/scenario-view';
import {
  SCENARIO_FILE_FORMAT,
  SCENARIO_FILE_VERSION,
  SUPPORTED_SCENARIO_VERSIONS,
  scenarioEnvelopeSchema,
  scenarioFileSchema,
  storedScenarioSchema,
  type Scenario,
  type ScenarioFile
} from '../schemas/scenario';
import { jsonSyntaxDetail } from './json-error';
import { compareFrench } from '../format/collate';

/** The part of the Web Storage API used here (an in-memory double in tests). */
export interface KeyValueStorage {
  readonly length: number;
  key(index: number): string | null;
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export const SCENARIO_KEY_PREFIX = 'atlas-plh:scenario:';
export const SET_ASIDE_KEY_PREFIX = 'atlas-plh:scenario-mis-de-cote:';

export interface SetAsideEntry {
  /** Key the entry was read from. */
  key: string;
  /** Key its raw text now lives under. */
  setAsideKey: string;
  /** French reason, naming the field when the schema failed. */
  reason: string;
}

/** `['communes', 3, 'production', 1]` → `communes[3].production[1]`. */
function issuePath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out === '' ? '(racine)' : out;
}

function describeIssues(error: z.ZodError): string {
  const first = error.issues[0];
  if (!first) return 'contenu invalide';
  const more = error.issues.length > 1 ? ` (et ${error.issues.length - 1} autre(s) erreur(s))` : '';
  return `champ « ${issuePath(first.path)} » : ${first.message}${more}`;
}

function storageKeys(storage: KeyValueStorage): string[] {
  const keys: string[] = [];
  for (let i = 0; i < storage.length; i++) {
    const key = storage.key(i);
    if (key !== null) keys.push(key);
  }
  return keys;
}

/** The browser refused a write because its storage quota is reached. */
export class StorageFullError extends Error {
  constructor(what: string) {
    super(
      `Le stockage du navigateur est plein : ${what} n'a pas été enregistré et rien n'a été modifié. Exportez vos scénarios (JSON) puis supprimez-en pour libérer de la place.`
    );
    this.name = 'StorageFullError';
  }
}

/**
 * True for the quota errors of every browser: `QuotaExceededError` (Chromium, Safari, code 22)
 * and `NS_ERROR_DOM_QUOTA_REACHED` (old Firefox, code 1014).
 */
export function isQuotaError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { name, code } = error as { name?: unknown; code?: unknown };
  return (
    name === 'QuotaExceededError' ||
    name === 'NS_ERROR_DOM_QUOTA_REACHED' ||
    code === 22 ||
    code === 1014
  );
}

/** One write of a transaction: a value to set, or null to remove the key. */
export interface StorageWrite {
  key: string;
  value: string | null;
}

/**
 * Puts back the previous values of the changed keys. New keys are removed first, then the
 * entries that grew are shrunk back, then the ones that shrank are regrown: the storage never
 * holds more than before the transaction at any step, so the rollback cannot hit the quota.
 */
function rollback(storage: KeyValueStorage, previous: ReadonlyMap<string, string | null>): void {
  const changed: { key: string; old: string; now: string | null }[] = [];
  for (const [key, old] of previous) {
    const now = storage.getItem(key);
    if (now === old) continue;
    if (old === null) storage.removeItem(key);
    else changed.push({ key, old, now });
  }
  changed.sort(
    (a, b) => (b.now?.length ?? 0) - b.old.length - ((a.now?.length ?? 0) - a.old.length)
  );
  for (const c of changed) storage.setItem(c.key, c.old);
}

/**
 * Applies several writes all or nothing: on any failure the previous values are put back
 * (`rollback`). A quota failure becomes a
 * `StorageFullError` naming `what`; other errors are rethrown after the rollback.
 */
export function commitWrites(
  storage: KeyValueStorage,
  writes: readonly StorageWrite[],
  what: string
): void {
  const previous = new Map<string, string | null>();
  for (const w of writes) if (!previous.has(w.key)) previous.set(w.key, storage.getItem(w.key));
  try {
    for (const w of writes) {
      if (w.value === null) storage.removeItem(w.key);
      else storage.setItem(w.key, w.value);
    }
  } catch (error) {
    rollback(storage, previous);
    if (isQuotaError(error)) throw new StorageFullError(what);
    throw error;
  }
}

function setAside(
  storage: KeyValueStorage,
  key: string,
  raw: string,
  reason: string
): SetAsideEntry {
  const base = `${SET_ASIDE_KEY_PREFIX}${key.slice(SCENARIO_KEY_PREFIX.length)}`;
  let setAsideKey = base;
  for (let n = 2; storage.getItem(setAsideKey) !== null; n++) setAsideKey = `${base}:${n}`;
  try {
    // Copy then remove, as one transaction: if the quota refuses the copy, the original stays.
    commitWrites(
      storage,
      [
        { key: setAsideKey, value: raw },
        { key, value: null }
      ],
      'la copie de côté'
    );
  } catch (error) {
    if (!(error instanceof StorageFullError)) throw error;
    return { key, setAsideKey: key, reason: `${reason} ; laissé en place (stockage plein)` };
  }
  return { key, setAsideKey, reason };
}

/**
 * Reads every saved scenario, sorted by name. Entries that fail to parse are set aside (moved
 * under `SET_ASIDE_KEY_PREFIX`, never deleted) and returned in `setAside`.
 */
export function loadScenarios(storage: KeyValueStorage): {
  scenarios: Scenario[];
  setAside: SetAsideEntry[];
} {
  const scenarios: Scenario[] = [];
  const asides: SetAsideEntry[] = [];
  for (const key of storageKeys(storage).filter((k) => k.startsWith(SCENARIO_KEY_PREFIX))) {
    const raw = storage.getItem(key);
    if (raw === null) continue;
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch {
      asides.push(setAside(storage, key, raw, 'JSON illisible'));
      continue;
    }
    const version = (json as { version?: unknown } | null)?.version;
    if (typeof version === 'number' && !SUPPORTED_SCENARIO_VERSIONS.includes(version)) {
      asides.push(setAside(storage, key, raw, `version ${version} inconnue`));
      continue;
    }
    const parsed = storedScenarioSchema.safeParse(json);
    if (!parsed.success) {
      asides.push(setAside(storage, key, raw, describeIssues(parsed.error)));
      continue;
    }
    if (`${SCENARIO_KEY_PREFIX}${parsed.data.scenario.id}` !== key) {
      asides.push(setAside(storage, key, raw, 'identifiant différent de la clé'));
      continue;
    }
    scenarios.push(parsed.data.scenario);
  }
  scenarios.sort((a, b) => compareFrench(a.name, b.name));
  return { scenarios, setAside: asides };
}

/** Keys of entries set aside by earlier loads (still in storage, for the record). */
export function listSetAside(storage: KeyValueStorage): string[] {
  return storageKeys(storage)
    .filter((k) => k.startsWith(SET_ASIDE_KEY_PREFIX))
    .sort();
}

/** The storage write of one scenario, validated first (throws a zod error on invalid input). */
function scenarioWrite(scenario: Scenario): StorageWrite {
  const entry = storedScenarioSchema.parse({ version: SCENARIO_FILE_VERSION, scenario });
  return { key: `${SCENARIO_KEY_PREFIX}${scenario.id}`, value: JSON.stringify(entry) };
}

/**
 * Saves (creates or replaces) one scenario; validates it first. Throws `StorageFullError` when
 * the quota is reached (nothing written).
 */
export function saveScenario(storage: KeyValueStorage, scenario: Scenario): void {
  commitWrites(storage, [scenarioWrite(scenario)], `le scénario « ${scenario.name} »`);
}

export function deleteScenario(storage: KeyValueStorage, id: string): void {
  storage.removeItem(`${SCENARIO_KEY_PREFIX}${id}`);
}

/** The JSON file of an export (pretty-printed, versioned). */
export function exportScenariosJson(scenarios: readonly Scenario[], exportedAt: string): string {
  const file: ScenarioFile = scenarioFileSchema.parse({
    format: SCENARIO_FILE_FORMAT,
    version: SCENARIO_FILE_VERSION,
    exportedAt,
    scenarios
  });
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** A file that cannot be imported; `message` is French and names the file (and field). */
export class ScenarioImportError extends Error {
  readonly file: string;
  constructor(file: string, detail: string) {
    super(
      `Import impossible de « ${file} » : ${detail}. Les scénarios enregistrés sont inchangés.`
    );
    this.name = 'ScenarioImportError';
    this.file = file;
  }
}

/** Parses and validates an exported file. Throws `ScenarioImportError`, never writes. */
export function parseScenarioFile(text: string, fileName: string): Scenario[] {
  const clean = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (clean.trim() === '') throw new ScenarioImportError(fileName, 'fichier vide');
  let json: unknown;
  try {
    json = JSON.parse(clean);
  } catch (error) {
    throw new ScenarioImportError(fileName, jsonSyntaxDetail(clean, error));
  }
  const envelope = scenarioEnvelopeSchema.safeParse(json);
  if (!envelope.success)
    throw new ScenarioImportError(
      fileName,
      `ce n'est pas un fichier de scénarios Atlas PLH (attendu : "format": "${SCENARIO_FILE_FORMAT}" et un numéro de version)`
    );
  if (!SUPPORTED_SCENARIO_VERSIONS.includes(envelope.data.version))
    throw new ScenarioImportError(
      fileName,
      `version ${envelope.data.version} inconnue (version prise en charge : ${SUPPORTED_SCENARIO_VERSIONS.join(', ')})`
    );
  const parsed = scenarioFileSchema.safeParse(json);
  if (!parsed.success) throw new ScenarioImportError(fileName, describeIssues(parsed.error));
  const ids = new Set<string>();
  parsed.data.scenarios.forEach((s, i) => {
    if (ids.has(s.id))
      throw new ScenarioImportError(
        fileName,
        `champ « scenarios[${i}].id » : identifiant en double`
      );
    ids.add(s.id);
  });
  return parsed.data.scenarios;
}

/** How an imported scenario whose name is already saved is treated. */
export type ConflictChoice = 'replace' | 'rename';

/** What an import would do, computed before anything is written. */
export interface ImportPlan {
  fileName: string;
  /** Validated scenarios of the file (communes listed twice keep their first plan). */
  incoming: Scenario[];
  /**
   * Incoming scenarios whose name is already saved (compared trimmed, case-insensitive);
   * `index` is the position in `incoming` (identity is not kept by reactive proxies).
   */
  conflicts: { index: number; incoming: Scenario; existing: Scenario }[];
  /** French warnings: unknown commune codes, communes listed twice. */
  warnings: string[];
}

const nameKey = (name: string) => name.trim().normalize('NFC').toLocaleLowerCase('fr');

/** « Nom », « Nom (2) », « Nom (3) »… the first not in `taken` (name keys), ≤ 120 characters. */
export function uniqueName(name: string, taken: ReadonlySet<string>): string {
  if (!taken.has(nameKey(name))) return name;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const candidate = `${name.slice(0, 120 - suffix.length)}${suffix}`;
    if (!taken.has(nameKey(candidate))) return candidate;
  }
}

/**
 * Parses and validates a file against the saved scenarios, without writing. Communes listed twice
 * in a scenario keep their first plan; unknown commune codes are kept (ignored by the
 * projection) — both are reported in `warnings`. Throws `ScenarioImportError`.
 */
export function planImport(
  text: string,
  fileName: string,
  existing: readonly Scenario[],
  knownCodes: ReadonlySet<string> | null = null
): ImportPlan {
  const parsed = parseScenarioFile(text, fileName);
  const warnings: string[] = [];
  const incoming = parsed.map((s) => {
    const seen = new Set<string>();
    const twice = new Set<string>();
    const unknown = new Set<string>();
    const communes = s.communes.filter((c) => {
      if (knownCodes && !knownCodes.has(c.code)) unknown.add(c.code);
      if (seen.has(c.code)) {
        twice.add(c.code);
        return false;
      }
      seen.add(c.code);
      return true;
    });
    if (twice.size > 0)
      warnings.push(
        `Scénario « ${s.name} » : commune(s) listée(s) deux fois (${[...twice].join(', ')}), seule la première ligne est gardée.`
      );
    if (unknown.size > 0)
      warnings.push(
        `Scénario « ${s.name} » : code(s) commune inconnu(s) parmi les communes soumises à la loi SRU (${[...unknown].join(', ')}), ignoré(s) dans les calculs.`
      );
    return twice.size > 0 ? { ...s, communes } : s;
  });
  const byName = new Map(existing.map((e) => [nameKey(e.name), e]));
  const conflicts = incoming.flatMap((s, index) => {
    const e = byName.get(nameKey(s.name));
    return e ? [{ index, incoming: s, existing: e }] : [];
  });
  return { fileName, incoming, conflicts, warnings };
}

/**
 * The scenarios to write for a plan. `replace`: a scenario with a saved name takes the saved
 * one's id (its entry is overwritten). `rename`: it gets a free name « Nom (2) ». Any other id
 * already saved gets a new id, so nothing is overwritten that the user did not choose.
 */
export function resolveImport(
  plan: ImportPlan,
  existing: readonly Scenario[],
  choice: ConflictChoice,
  newId: () => string
): Scenario[] {
  const replaced = new Map(plan.conflicts.map((c) => [c.index, c.existing]));
  const takenIds = new Set(existing.map((e) => e.id));
  const takenNames = new Set(existing.map((e) => nameKey(e.name)));
  if (choice === 'replace') for (const e of replaced.values()) takenNames.delete(nameKey(e.name));
  const out: Scenario[] = [];
  const usedIds = new Set<string>();
  for (const [index, s] of plan.incoming.entries()) {
    const target = choice === 'replace' ? replaced.get(index) : undefined;
    let id = target ? target.id : s.id;
    if (!target && (takenIds.has(id) || usedIds.has(id))) id = newId();
    if (target && usedIds.has(id)) id = newId();
    const name = uniqueName(s.name, takenNames);
    takenNames.add(nameKey(name));
    usedIds.add(id);
    out.push({ ...s, id, name });
  }
  return out;
}

/**
 * Writes resolved scenarios as one transaction: all are saved, or none (`StorageFullError` on a
 * full quota, storage as before).
 */
export function applyImport(
  storage: KeyValueStorage,
  scenarios: readonly Scenario[],
  fileName: string
): void {
  commitWrites(storage, scenarios.map(scenarioWrite), `l'import de « ${fileName} »`);
}

/** Plan, resolve and apply in one call (conflicting names handled by `choice`). */
export function importScenarios(
  storage: KeyValueStorage,
  text: string,
  fileName: string,
  newId: () => string,
  choice: ConflictChoice = 'rename',
  knownCodes: ReadonlySet<string> | null = null
): Scenario[] {
  const existing = loadScenarios(storage).scenarios;
  const plan = planImport(text, fileName, existing, knownCodes);
  const toSave = resolveImport(plan, existing, choice, newId);
  applyImport(storage, toSave, fileName);
  return toSave;
}

const fr = (value: number, decimals: number) => value.toFixed(decimals).replace('.', ',');

const STATUS_CSV: Record<string, string> = {
  met: 'atteint',
  missed: 'manqué',
  on_track: 'en bonne voie (période partielle)',
  behind: 'en retard (période partielle)',
  no_objective: 'sans objectif'
};

/**
 * CSV of a scenario for spreadsheets: one row per SRU commune, then the intercommunal total.
 * Columns: the plan (production of each PLH year, RP growth, CMS hypothesis), the L302-8
 * objectives over the PLH, planned production and gap, each triennial period (objective,
 * production, result), the year the target is reached, and the projected rate at 31 December of
 * every projected year with its range. UTF-8 with BOM, `;` separator, decimal comma; objectives,
 * RP and rates are estimates (RP estimated from LLS / published rate).
 */
export function scenarioToCsv(
  scenario: Scenario,
  view: Pick<ScenarioView, 'projections' | 'summary' | 'extrapolatedYear'>
): string {
  const plans = new Map(scenario.communes.map((c) => [c.code, c]));
  const first = view.projections[0];
  const plhYears = Array.from({ length: 6 }, (_, i) => scenario.startYear + i);
  const periods = first?.periods.map((p) => `${p.start}_${p.end}`) ?? [];
  const years = first?.years.map((y) => y.year) ?? [];
  const fields = [
    'scenario',
    'annee_debut_plh',
    'code_insee',
    'nom',
    'taux_cible_pct',
    'croissance_rp_pct_an',
    'taux_rattrapage_cms_hypothese_pct',
    ...plhYears.map((y) => `production_${y}`),
    'production_prevue_plh',
    'objectifs_l302_8_plh_estimes',
    'ecart_production_objectifs',
    ...periods.flatMap((p) => [`objectif_${p}`, `production_${p}`, `bilan_${p}`]),
    'annee_cible_atteinte',
    'cible_atteinte',
    ...years.flatMap((y) => [
      `taux_projete_${y}_pct`,
      `taux_projete_${y}_bas_pct`,
      `taux_projete_${y}_haut_pct`
    ])
  ];
  const rows: string[][] = [];
  for (const p of view.projections) {
    const plan = plans.get(p.code);
    const extrapolated = view.extrapolatedYear.get(p.code) ?? null;
    const reachedYear = p.reachedYear ?? extrapolated;
    rows.push([
      scenario.name,
      String(scenario.startYear),
      p.code,
      p.nom,
      fr(p.targetPct, 0),
      plan ? fr(plan.rpGrowthPct, 2) : '',
      plan?.cmsCatchUpPct != null ? fr(plan.cmsCatchUpPct, 1) : '',
      ...plhYears.map((_, i) => (plan ? fr(plan.production[i] ?? 0, 0) : '')),
      fr(p.plannedTotal, 0),
      fr(p.objectiveTotal, 1),
      fr(p.gap, 1),
      ...p.periods.flatMap((c) => [
        fr(c.objective, 1),
        fr(c.production, 0),
        STATUS_CSV[c.status] ?? c.status
      ]),
      reachedYear === null ? '' : String(reachedYear),
      p.alreadyAboveTarget
        ? 'déjà atteinte'
        : p.reachedYear !== null
          ? 'pendant le PLH'
          : extrapolated !== null
            ? 'après le PLH (au rythme de sa dernière année)'
            : 'non atteinte',
      ...p.years.flatMap((y) => [fr(y.ratePct, 2), fr(y.rateLowPct, 2), fr(y.rateHighPct, 2)])
    ]);
  }
  const s = view.summary;
  rows.push([
    scenario.name,
    String(scenario.startYear),
    '',
    'Total intercommunal',
    '',
    '',
    '',
    ...plhYears.map((_, i) =>
      fr(
        scenario.communes.reduce((t, c) => t + (c.production[i] ?? 0), 0),
        0
      )
    ),
    fr(s.plannedTotal, 0),
    fr(s.objectiveTotal, 1),
    fr(s.gap, 1),
    ...periods.flatMap(() => ['', '', '']),
    '',
    s.totalMet ? 'objectif total tenu' : 'objectif total non tenu',
    ...years.flatMap(() => ['', '', ''])
  ]);
  const csv = Papa.unparse(
    { fields, data: rows },
    { delimiter: ';', newline: '\r\n', quotes: false, escapeFormulae: true }
  );
  return `\ufeff${csv}\r\n`;
}
