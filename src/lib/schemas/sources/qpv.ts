/** Raw rows of the QPV CSV sources and of the editable 2015→2024 correspondence. */
import { z } from '../zod';
import { inseeCodeSchema } from '../common';

/** ANCT list of the 2024 QPV (one row per QPV and commune). Other columns are ignored. */
export const qpv2024ListRowSchema = z.object({
  code_qp: z.string().regex(/^QN\d{5}[A-Z]$/, 'code de QPV 2024 attendu, de la forme QN03801M'),
  lib_qp: z.string().min(1, 'nom de QPV vide'),
  insee_com: inseeCodeSchema
});
export type Qpv2024ListRow = z.infer<typeof qpv2024ListRowSchema>;

/** Population of the 2015 QPV (INSEE figures quoted by ADES), joined by commune and name. */
export const qpvPopulationRowSchema = z.object({
  qpv_name: z.string().min(1, 'nom de QPV vide'),
  code_insee: inseeCodeSchema,
  population_2018: z
    .string()
    .regex(/^\d+$/, 'nombre entier attendu')
    .transform((v) => Number(v))
});
export type QpvPopulationRow = z.infer<typeof qpvPopulationRowSchema>;

/** `data/qpv-correspondance-2015-2024.csv`: each pair cites where it is documented. */
export const qpvCorrespondanceRowSchema = z.object({
  code_2015: z.string().regex(/^QP\d{6}$/, 'code de QPV 2015 attendu, de la forme QP038001'),
  code_2024: z.string().regex(/^QN\d{5}[A-Z]$/, 'code de QPV 2024 attendu, de la forme QN03801M'),
  documented_in: z.string().min(1, 'chaque couple doit citer où il est documenté')
});
export type QpvCorrespondanceRow = z.infer<typeof qpvCorrespondanceRowSchema>;
