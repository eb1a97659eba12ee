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
import type { CommuneProjection } from '../arbitration/projection';
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

function setAside(
  storage: KeyValueStorage,
  key: string,
  raw: string,
  reason: string
): SetAsideEntry {
  const base = `${SET_ASIDE_KEY_PREFIX}${key.slice(SCENARIO_KEY_PREFIX.length)}`;
  let setAsideKey = base;
  for (let n = 2; storage.getItem(setAsideKey) !== null; n++) setAsideKey = `${base}:${n}`;
  // Write the copy first: if the quota refuses it, the original stays where it was.
  storage.setItem(setAsideKey, raw);
  storage.removeItem(key);
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
  scenarios.sort((a, b) => a.name.localeCompare(b.name, 'fr'));
  return { scenarios, setAside: asides };
}

/** Keys of entries set aside by earlier loads (still in storage, for the record). */
export function listSetAside(storage: KeyValueStorage): string[] {
  return storageKeys(storage)
    .filter((k) => k.startsWith(SET_ASIDE_KEY_PREFIX))
    .sort();
}

/** Saves (creates or replaces) one scenario; validates it first. */
export function saveScenario(storage: KeyValueStorage, scenario: Scenario): void {
  const entry = storedScenarioSchema.parse({ version: SCENARIO_FILE_VERSION, scenario });
  storage.setItem(`${SCENARIO_KEY_PREFIX}${scenario.id}`, JSON.stringify(entry));
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

function jsonErrorDetail(text: string, error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const pos = /position (\d+)/.exec(message);
  if (pos) {
    const before = text.slice(0, Number(pos[1]));
    const line = before.split('\n').length;
    const column = before.length - before.lastIndexOf('\n');
    return `JSON invalide à la ligne ${line}, colonne ${column}`;
  }
  return `JSON invalide (${message})`;
}

/** Parses and validates an exported file. Throws `ScenarioImportError`, never writes. */
export function parseScenarioFile(text: string, fileName: string): Scenario[] {
  const clean = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (clean.trim() === '') throw new ScenarioImportError(fileName, 'fichier vide');
  let json: unknown;
  try {
    json = JSON.parse(clean);
  } catch (error) {
    throw new ScenarioImportError(fileName, jsonErrorDetail(clean, error));
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

/**
 * Imports a file: validates everything, then saves each scenario. A scenario whose id is already
 * saved is imported as a copy (new id, « (importé) » appended) rather than overwriting work.
 */
export function importScenarios(
  storage: KeyValueStorage,
  text: string,
  fileName: string,
  newId: () => string
): Scenario[] {
  const incoming = parseScenarioFile(text, fileName);
  const existing = new Set(
    storageKeys(storage)
      .filter((k) => k.startsWith(SCENARIO_KEY_PREFIX))
      .map((k) => k.slice(SCENARIO_KEY_PREFIX.length))
  );
  const toSave = incoming.map((s) =>
    existing.has(s.id) ? { ...s, id: newId(), name: `${s.name} (importé)`.slice(0, 120) } : s
  );
  for (const s of toSave) saveScenario(storage, s);
  return toSave;
}

const fr = (value: number, decimals: number) => value.toFixed(decimals).replace('.', ',');

/**
 * CSV of a scenario's projection, one row per commune and year, for spreadsheets: UTF-8 with BOM,
 * `;` separator, decimal comma (as the indicators download). RP and rates are estimates.
 */
export function scenarioToCsv(
  scenario: Scenario,
  projections: readonly CommuneProjection[]
): string {
  const plans = new Map(scenario.communes.map((c) => [c.code, c]));
  const rows: string[][] = [];
  for (const p of projections) {
    const plan = plans.get(p.code);
    for (const y of p.years) {
      rows.push([
        scenario.name,
        String(scenario.startYear),
        p.code,
        p.nom,
        String(y.year),
        y.bridge ? 'non' : 'oui',
        fr(y.production, 0),
        plan ? fr(plan.rpGrowthPct, 2) : '',
        fr(y.lls, 0),
        fr(y.rp, 0),
        fr(y.ratePct, 2),
        fr(y.rateLowPct, 2),
        fr(y.rateHighPct, 2),
        fr(p.targetPct, 0),
        y.reached ? 'oui' : 'non'
      ]);
    }
  }
  const csv = Papa.unparse(
    {
      fields: [
        'scenario',
        'annee_debut_plh',
        'code_insee',
        'nom',
        'annee',
        'annee_du_plh',
        'production_lls',
        'croissance_rp_pct_an',
        'lls_fin_annee',
        'rp_fin_annee_estimees',
        'taux_lls_projete_pct',
        'taux_lls_projete_bas_pct',
        'taux_lls_projete_haut_pct',
        'taux_cible_pct',
        'cible_atteinte'
      ],
      data: rows
    },
    { delimiter: ';', newline: '\r\n', quotes: false, escapeFormulae: true }
  );
  return `\ufeff${csv}\r\n`;
}
