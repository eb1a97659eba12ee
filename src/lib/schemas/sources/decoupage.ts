/** The parts of @etalab/decoupage-administratif `data/epci.json` the pipeline reads. */
import { z } from '../zod';
import { inseeCodeSchema, sirenSchema } from '../common';

export const decoupageEpciSchema = z.object({
  code: sirenSchema,
  nom: z.string().min(1),
  populationMunicipale: z.number().int().nonnegative(),
  membres: z
    .array(
      z.object({
        code: inseeCodeSchema,
        nom: z.string().min(1),
        populationMunicipale: z.number().int().nonnegative()
      })
    )
    .min(1)
});
export type DecoupageEpci = z.infer<typeof decoupageEpciSchema>;
export const decoupageEpciListSchema = z.array(decoupageEpciSchema);
