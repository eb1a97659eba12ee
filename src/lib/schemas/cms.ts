/**
 * `static/data/cms.json`: the contrats de mixité sociale (CMS) signed by member communes, as read
 * by the pipeline from the transcribed PLH figures (press sources). No catch-up rate is published:
 * the app lets the user set one as a hypothesis.
 */
import { z } from './zod';
import { inseeCodeSchema, sourceRefSchema } from './common';

export const cmsSourceSchema = z.object({
  url: z.url(),
  publisher: z.string().min(1),
  /** Publication date of the page, ISO, or null when the page gives none. */
  date: z.string().nullable()
});

export const cmsFileSchema = z.object({
  ref: sourceRefSchema,
  /** False when the source could not be read: the app says « information indisponible ». */
  available: z.boolean(),
  communes: z.array(
    z.object({
      code: inseeCodeSchema,
      nom: z.string(),
      /** Year of signature, read from the indicator name (`cms_signe_2022`). */
      year: z.number().int(),
      source: cmsSourceSchema
    })
  ),
  /** Figures about several signatories together (e.g. the potential quoted for the five). */
  groups: z.array(
    z.object({
      codes: z.array(inseeCodeSchema),
      indicator: z.string(),
      value: z.number(),
      unit: z.string(),
      note: z.string(),
      source: cmsSourceSchema
    })
  )
});
export type CmsFile = z.infer<typeof cmsFileSchema>;
