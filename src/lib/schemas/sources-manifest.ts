import { z } from './zod';

/** One dataset of `data/sources.json`, the hand-curated sources manifest. */
export const sourceEntrySchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  title: z.string().min(1),
  producer: z.string().min(1),
  vintage: z.string().min(1),
  licence: z.string().min(1),
  attribution: z.string().min(1),
  /** Official download URL, used when the mirror does not hold the file. */
  url: z.url().nullable(),
  /** Official landing page of the dataset, for people. */
  page: z.url(),
  /** Path of the file relative to the mirror directory (`../shared/sources` by default), or null for npm packages. */
  mirrorPath: z.string().nullable(),
  format: z.enum(['geojson', 'csv', 'npm']),
  /** File encoding of CSV sources. */
  encoding: z.enum(['utf-8', 'windows-1252']).optional(),
  /**
   * Largest file accepted, in MB (1 MB = 1 048 576 bytes), checked before reading (mirror and cache: file size; download:
   * Content-Length, then bytes received; archive: the extracted entry). Set from the real file
   * with a wide margin; a bigger file stops the pipeline at once instead of exhausting memory.
   */
  maxSizeMB: z.number().positive().optional(),
  /** What the dataset covers, as its producer or the mirror states it. */
  coverage: z.string().min(1),
  /**
   * EPCI (SIREN) the dataset covers entirely. A member commune of another EPCI with no row in the
   * dataset gets « pas de donnée », never 0. Omitted: coverage is read from the rows themselves.
   */
  coverageEpci: z.array(z.string().regex(/^\d{9}$/)).optional(),
  notes: z.string().optional()
});
export type SourceEntry = z.infer<typeof sourceEntrySchema>;

export const sourcesManifestSchema = z.object({
  version: z.literal(1),
  sources: z.array(sourceEntrySchema).min(1)
});
export type SourcesManifest = z.infer<typeof sourcesManifestSchema>;
