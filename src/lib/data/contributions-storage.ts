/**
 * Storage of the room's contributions: ONE localStorage key holding the whole store, written whole
 * (a write either replaces everything or, on error, leaves the previous value untouched). A stored
 * value that no longer parses is moved aside, never deleted.
 */
import { z } from '../schemas/zod';
import {
  contributionsStoreSchema,
  emptyContributionsStore,
  type ContributionsStore
} from '../schemas/contributions';
import type { KeyValueStorage } from './scenario-storage';

import { CONTRIBUTIONS_KEY, CONTRIBUTIONS_SET_ASIDE_KEY } from './contributions-key';

export { CONTRIBUTIONS_KEY, CONTRIBUTIONS_SET_ASIDE_KEY };

/** A write the browser refused; `message` is French and says nothing was lost. */
export class ContributionsStorageError extends Error {
  constructor(detail: string) {
    super(
      `${detail} La dernière saisie n'a pas été enregistrée ; les contributions déjà enregistrées sont intactes. Exportez-les en CSV par précaution.`
    );
    this.name = 'ContributionsStorageError';
  }
}

function isQuotaError(error: unknown): boolean {
  return (
    error instanceof DOMException &&
    (error.name === 'QuotaExceededError' || error.name === 'NS_ERROR_DOM_QUOTA_REACHED')
  );
}

export interface LoadedContributions {
  store: ContributionsStore;
  /** French message when a stored value could not be read (it was moved aside). */
  problem: string | null;
}

/** Reads the store; an unreadable value is kept under the « mis de côté » key and reported. */
export function loadContributions(storage: KeyValueStorage): LoadedContributions {
  const raw = storage.getItem(CONTRIBUTIONS_KEY);
  if (raw === null) return { store: emptyContributionsStore(), problem: null };
  let reason: string;
  try {
    const parsed = contributionsStoreSchema.safeParse(JSON.parse(raw));
    if (parsed.success) return { store: parsed.data, problem: null };
    const issue = parsed.error.issues[0];
    reason = `champ « ${issue?.path.join('.') ?? '?'} » : ${issue?.message ?? 'invalide'}`;
  } catch {
    reason = 'JSON illisible';
  }
  try {
    // The copy first: if the quota refuses it, the original stays where it was.
    storage.setItem(CONTRIBUTIONS_SET_ASIDE_KEY, raw);
    storage.removeItem(CONTRIBUTIONS_KEY);
  } catch {
    /* left in place: nothing is lost */
  }
  return {
    store: emptyContributionsStore(),
    problem: `Les contributions enregistrées n'ont pas pu être relues (${reason}) ; elles sont conservées sous la clé « ${CONTRIBUTIONS_SET_ASIDE_KEY} ».`
  };
}

/** Writes the whole store (validated first). Throws `ContributionsStorageError` in French. */
export function saveContributions(storage: KeyValueStorage, store: ContributionsStore): void {
  let text: string;
  try {
    text = JSON.stringify(contributionsStoreSchema.parse(store));
  } catch (error) {
    const detail =
      error instanceof z.ZodError ? (error.issues[0]?.message ?? 'contenu invalide') : 'erreur';
    throw new ContributionsStorageError(`Saisie invalide (${detail}).`);
  }
  try {
    storage.setItem(CONTRIBUTIONS_KEY, text);
  } catch (error) {
    throw new ContributionsStorageError(
      isQuotaError(error)
        ? 'Le stockage local du navigateur est plein.'
        : "Le navigateur refuse l'enregistrement local (navigation privée ?)."
    );
  }
}
