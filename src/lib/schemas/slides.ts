/**
 * Contract of one meeting-mode slide, prepared at build time by `buildSlides`
 * (`src/lib/components/presentation/slides.ts`) and published as
 * `/presentation/diapositives/<code>.json` (one file per commune or QPV), which the page fetches
 * for the territories of its sequence only.
 */
import { z } from './zod';
import { indicatorIdSchema, inseeCodeSchema } from './common';

export const slideFigureSchema = z.object({
  id: indicatorIdSchema,
  label: z.string().min(1),
  /** Formatted value, « 25,1 % », or « non concernée » / « pas de donnée » in words. */
  value: z.string().min(1),
  /** Extra line, e.g. the SRU target. */
  detail: z.string().nullable(),
  estimate: z.boolean(),
  sources: z.array(z.string().min(1)),
  vintage: z.string()
});

export const slideItemSchema = z.object({
  id: z.string().min(1),
  text: z.string().min(1),
  /** The bullet a sub-bullet belongs to. */
  parentText: z.string().nullable(),
  /** « Affiché car … »: why the item is shown for this territory. */
  why: z.string(),
  universal: z.boolean()
});

export const slideDataSchema = z.object({
  code: z.string().min(1),
  kind: z.enum(['commune', 'qpv']),
  nom: z.string().min(1),
  subtitle: z.string(),
  /** Commune codes to frame on the map (the commune, or the communes of a QPV). */
  focus: z.array(inseeCodeSchema),
  figures: z.array(slideFigureSchema),
  problems: z.array(slideItemSchema),
  actions: z.array(slideItemSchema)
});

export type SlideFigure = z.infer<typeof slideFigureSchema>;
export type SlideItem = z.infer<typeof slideItemSchema>;
export type SlideData = z.infer<typeof slideDataSchema>;
