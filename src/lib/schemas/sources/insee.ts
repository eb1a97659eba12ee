/** Raw row of the INSEE « Base du comparateur de territoires » (only the columns used). */
import { z } from '../zod';
import { inseeCodeSchema } from '../common';
import { inseeStatCell } from './fields';

/** Stable keys; `src/lib/data/insee.ts` maps the dated INSEE column names onto them. */
export const inseeRawRowSchema = z.object({
  code: inseeCodeSchema,
  population: inseeStatCell,
  logements: inseeStatCell,
  residencesPrincipales: inseeStatCell,
  logementsVacants: inseeStatCell,
  proprietaires: inseeStatCell,
  revenuMedianEur: inseeStatCell,
  tauxPauvretePct: inseeStatCell,
  /** Population at the earlier census of the file (P16_POP), when the file has it. */
  populationPrevious: inseeStatCell.optional()
});
export type InseeRawRow = z.infer<typeof inseeRawRowSchema>;
