/** Raw rows of the transcribed PLH figures (`indicators/plh/plh_objectifs_transcribed.csv`). */
import { z } from '../zod';

/**
 * One figure found on a web page. `code_insee` is empty for the Métropole, one code for a
 * commune, several codes joined by « | » for a group. Other columns are kept as text.
 */
export const plhObjectifRowSchema = z.object({
  plh_period: z.string().min(1, 'période vide'),
  scope: z.enum(['metropole', 'commune', 'groupe']),
  code_insee: z
    .string()
    .regex(/^(|\d[\dAB]\d{3}(\|\d[\dAB]\d{3})*)$/, 'codes INSEE séparés par « | » attendus'),
  nom: z.string().min(1, 'nom vide'),
  indicator: z.string().regex(/^[a-z0-9_]+$/, 'nom d’indicateur en snake_case attendu'),
  value: z
    .string()
    .regex(/^-?\d+(\.\d+)?$/, 'nombre attendu, avec un point comme séparateur décimal'),
  unit: z.string().min(1, 'unité vide'),
  source_url: z.url('URL attendue : celle de la page où le chiffre a été lu'),
  source_publisher: z.string().min(1, 'éditeur vide'),
  source_date: z.string().regex(/^(\d{4}-\d{2}-\d{2})?$/, 'date AAAA-MM-JJ ou vide attendue'),
  note: z.string()
});
export type PlhObjectifRow = z.infer<typeof plhObjectifRowSchema>;
