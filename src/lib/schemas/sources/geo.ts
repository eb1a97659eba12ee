/** Raw GeoJSON features of the geographic sources (contours, QPV perimeters, population grid). */
import { z } from '../zod';
import { areaGeometrySchema, inseeCodeSchema } from '../common';

const feature = <P extends z.ZodType>(properties: P) =>
  z.object({ type: z.literal('Feature'), properties, geometry: areaGeometrySchema });

/** IGN commune contours (mirror: france-geojson Isère 2018; URL: etalab contours-administratifs). */
export const communeContourFeatureSchema = feature(
  z.object({ code: inseeCodeSchema, nom: z.string() })
);
export type CommuneContourFeature = z.infer<typeof communeContourFeatureSchema>;

/** QPV 2015 perimeters (CGET shapefile layer, properties unchanged). */
export const qpv2015FeatureSchema = feature(
  z.object({
    CODE_QP: z.string().regex(/^QP\d{6}$/, 'code de QPV 2015 attendu, de la forme QP038001'),
    NOM_QP: z.string().min(1),
    COMMUNE_QP: z.string()
  })
);
export type Qpv2015Feature = z.infer<typeof qpv2015FeatureSchema>;

/** QPV 2024 perimeters (ANCT `QP2024_France_Hexagonale_Outre_Mer_WGS84`). */
export const qpv2024FeatureSchema = feature(
  z.object({
    code_qp: z.string().regex(/^QN\d{5}[A-Z]$/, 'code de QPV 2024 attendu, de la forme QN03801M'),
    lib_qp: z.string().min(1),
    insee_com: z.string().optional(),
    siren_epci: z.string().optional()
  })
);
export type Qpv2024Feature = z.infer<typeof qpv2024FeatureSchema>;

const count = z.number().nonnegative();
/** Filosofi 1 km cell (GridViz aggregation); `derived_*` properties are ignored on purpose. */
export const gridCellFeatureSchema = feature(
  z.object({
    idcar_1km: z.string().min(1),
    ind: count,
    men: count,
    men_pauv: count,
    men_prop: count,
    /** Households in collective housing (flats). */
    men_coll: count,
    /** Households in a house. */
    men_mais: count,
    /** Single-parent families. */
    men_fmp: count,
    /** Households of 5 persons or more. */
    men_5ind: count
  })
);
export type GridCellFeature = z.infer<typeof gridCellFeatureSchema>;
