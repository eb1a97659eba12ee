/**
 * Contract of the room's contributions, kept in the browser (one localStorage key, written whole):
 * the meeting (date, place), what the room said per territory, the counts of agreement on the
 * items shown, and the contributions of earlier meetings imported from their CSV.
 */
import { z } from './zod';
import { CONTRIBUTIONS_STORE_VERSION } from './vocabulary';
import { workshopColumnSchema } from './workshop';

export { CONTRIBUTIONS_STORE_VERSION, emptyContributionsStore } from './vocabulary';

/** `2026-03-12`, or empty before the presenter enters it. */
const isoDate = z.string().regex(/^(\d{4}-\d{2}-\d{2})?$/, 'date attendue au format AAAA-MM-JJ');

export const meetingSchema = z.object({
  date: isoDate,
  lieu: z.string().max(120)
});
export type Meeting = z.infer<typeof meetingSchema>;

/** One sentence said in the room about one territory. */
export const contributionSchema = z.object({
  id: z.string().min(1),
  /** INSEE code of a commune or code of a QPV. */
  territory: z.string().min(1),
  column: workshopColumnSchema,
  theme: z.number().int().min(1).max(4),
  text: z.string().trim().min(1, 'texte vide'),
  /** ISO timestamp of the capture. */
  createdAt: z.string()
});
export type Contribution = z.infer<typeof contributionSchema>;

export { VOTE_KINDS, VOTE_LABELS, type VoteKind } from './vocabulary';

export const voteCountSchema = z.object({
  pour: z.number().int().min(0),
  contre: z.number().int().min(0),
  debat: z.number().int().min(0)
});
export type VoteCount = z.infer<typeof voteCountSchema>;

/** A row of an imported meeting CSV, as the workshop loader validated it. */
export const importedContributionSchema = z.object({
  id: z.string().min(1),
  territory: z.string().min(1),
  theme: z.number().int().min(1).max(4),
  column: workshopColumnSchema,
  text: z.string().min(1),
  /** « réunion du 12/03/2026, Claix », as in the file. */
  source: z.string().min(1),
  /** Date of the meeting, ISO (`2026-03-12`), read from the source. */
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  lieu: z.string(),
  file: z.string()
});
export type ImportedContribution = z.infer<typeof importedContributionSchema>;

export const contributionsStoreSchema = z.object({
  version: z.literal(CONTRIBUTIONS_STORE_VERSION),
  meeting: meetingSchema,
  contributions: z.array(contributionSchema),
  /** Key `territory|itemId`. */
  votes: z.record(z.string(), voteCountSchema),
  imported: z.array(importedContributionSchema)
});
export type ContributionsStore = z.infer<typeof contributionsStoreSchema>;
