/** Raw rows of the transcribed PLH figures (`indicators/plh/plh_objectifs_transcribed.csv`). */
import { z } from '../zod';

/**
 * One figure found on a web page. `code_insee` is empty for the Métropole, one code for a
 * commune, several codes joined by « | » for a group. Other columns are kept as text.
 */
export const plhObjectifRowSchema = z.object({
  plh_period: z.string().min(1, 'empty period'),
  scope: z.enum(['metropole', 'commune', 'groupe']),
  code_insee: z
    .string()
    .regex(/^(|\d[\dAB]\d{3}(\|\d[\dAB]\d{3})*)$/, 'expected INSEE codes separated by |'),
  nom: z.string().min(1, 'empty name'),
  indicator: z.string().regex(/^[a-z0-9_]+$/, 'expected a snake_case indicator name'),
  value: z.string().regex(/^-?\d+(\.\d+)?$/, 'expected a number with a dot decimal'),
  unit: z.string().min(1, 'empty unit'),
  source_url: z.url('expected the URL of the page the figure was read from'),
  source_publisher: z.string().min(1, 'empty publisher'),
  source_date: z.string().regex(/^(\d{4}-\d{2}-\d{2})?$/, 'expected YYYY-MM-DD or empty'),
  note: z.string()
});
export type PlhObjectifRow = z.infer<typeof plhObjectifRowSchema>;
