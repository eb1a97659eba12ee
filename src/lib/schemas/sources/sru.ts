/**
 * Raw row of « Communes et inventaire SRU » (DGALN/DHUP), after its dated column names were mapped
 * to stable keys by `src/lib/data/sru.ts` (e.g. `Nombre_lls_ Inventaire_au_01_01_2024` → `lls`).
 */
import { z } from '../zod';
import { inseeCodeSchema } from '../common';
import {
  flag01,
  frenchEurosCell,
  frenchPercentCell,
  intCell,
  sruCountCell,
  sruRateCell
} from './fields';

export const sruRawRowSchema = z.object({
  code: inseeCodeSchema,
  nom: z.string().min(1, 'nom vide'),
  /** SIREN of the EPCI the commune belongs to in the file's vintage. */
  epci: z.string(),
  population: intCell,
  subject: flag01,
  /**
   * Subject at 1/1 of the previous year (`Commune_sru_au_01_01_2024` in the 2025 file), when the
   * file has that column: subject now but not then = newly subject.
   */
  subjectPrevious: flag01.optional(),
  /** null when the file writes « Pas d'inventaire » or « NC ». */
  lls: sruCountCell,
  /** null when the file writes « Pas d'inventaire », « Hors SRU » or a bound « >25% ». */
  ratePct: sruRateCell,
  deficitaire: flag01,
  carencee: flag01,
  exemptee: flag01,
  targetPct: frenchPercentCell,
  levyEur: frenchEurosCell
});
export type SruRawRow = z.infer<typeof sruRawRowSchema>;
