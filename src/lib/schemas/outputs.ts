/**
 * Contracts of the files the pipeline (`npm run data`) writes under `static/` and the app reads.
 * The pipeline validates what it writes with these schemas; the app validates what it loads.
 */
import { z } from './zod';
import {
  areaGeometrySchema,
  featureCollectionSchema,
  inseeCodeSchema,
  lineGeometrySchema,
  pointSchema,
  publishedNumberSchema,
  qpvGenerationSchema,
  sirenSchema,
  sourceRefSchema,
  transitModeSchema
} from './common';

export { qpvGenerationSchema, transitModeSchema };

/** `static/geo/communes.geojson`: member communes of the EPCI. */
export const communePropertiesSchema = z.object({
  code: inseeCodeSchema,
  /** Official name with its article (« La Tronche »), from @etalab/decoupage-administratif. */
  nom: z.string().min(1),
  /** Population municipale (legal population). */
  population: z.number().int().nonnegative(),
  populationVintage: z.string().min(1),
  /** Area in km², computed from the geometry (geodesic, Turf). */
  areaKm2: z.number().positive(),
  /**
   * Anchor of the name label, [longitude, latitude]: a coarse pole of inaccessibility of the
   * largest polygon (`labelPoint`), computed once at build time rather than in every browser.
   */
  labelAt: z.tuple([z.number(), z.number()])
});
export const communesCollectionSchema = featureCollectionSchema(
  areaGeometrySchema,
  communePropertiesSchema
);
export type CommuneProperties = z.infer<typeof communePropertiesSchema>;
export type CommunesCollection = z.infer<typeof communesCollectionSchema>;
export type CommuneFeature = CommunesCollection['features'][number];

/** `static/geo/epci.geojson`: the outline of the intercommunality (one feature). */
export const epciPropertiesSchema = z.object({
  code: sirenSchema,
  nom: z.string().min(1),
  population: z.number().int().nonnegative(),
  populationVintage: z.string().min(1),
  communes: z.number().int().positive()
});
export const epciCollectionSchema = featureCollectionSchema(
  areaGeometrySchema,
  epciPropertiesSchema
);
export type EpciCollection = z.infer<typeof epciCollectionSchema>;

/** `static/geo/qpv.geojson`: QPV perimeters lying in the EPCI. */
export const qpvPropertiesSchema = z.object({
  /** Code of the perimeter drawn (QP0380nn for 2015 perimeters, QN0380nnX for 2024). */
  code: z.string().regex(/^Q[PN]\d{6}[A-Z]?$|^Q[PN]\d{5}[A-Z]$/),
  nom: z.string().min(1),
  /** INSEE codes of the communes the perimeter lies in (point-in-polygon / overlap). */
  communes: z.array(inseeCodeSchema).min(1),
  /** Generation of the geometry. */
  generation: qpvGenerationSchema,
  /** The 2024 QPV that succeeds a 2015 perimeter, where the mirror documents it (else null). */
  code2024: z.string().nullable(),
  nom2024: z.string().nullable(),
  /** 2024 code suffix « M »: contour modified in 2024, so a 2015 outline is only an approximation. */
  contourModified2024: z.boolean().nullable(),
  areaHa: z.number().positive(),
  /** Population of the QPV when a source gives it, with its vintage and source. */
  population: z.number().nullable(),
  populationRef: sourceRefSchema.nullable(),
  geometryRef: sourceRefSchema
});
export const qpvCollectionSchema = featureCollectionSchema(areaGeometrySchema, qpvPropertiesSchema);
export type QpvProperties = z.infer<typeof qpvPropertiesSchema>;
export type QpvCollection = z.infer<typeof qpvCollectionSchema>;
export type QpvFeature = QpvCollection['features'][number];

/**
 * `static/geo/qpv-2015-outlines.geojson`: the 2015 outline of a 2024 QPV whose perimeter was much
 * redrawn (symmetric difference above `data/parameters/qpv.json`), for drawing on the QPV sheet.
 */
export const qpvOutline2015PropertiesSchema = z.object({
  /** Code of the 2024 QPV (as in qpv.geojson). */
  code: z.string(),
  code2015: z.string(),
  nom2015: z.string().min(1),
  /** area(2015 Δ 2024) / area(2015 ∪ 2024), %. */
  symDiffSharePct: z.number().min(0).max(100),
  geometryRef: sourceRefSchema
});
export const qpvOutlines2015CollectionSchema = featureCollectionSchema(
  areaGeometrySchema,
  qpvOutline2015PropertiesSchema
);
export type QpvOutlines2015Collection = z.infer<typeof qpvOutlines2015CollectionSchema>;

/** 2024 QPV of the EPCI known only from the list (no perimeter in the sources). */
export const qpv2024ListEntrySchema = z.object({
  code: z.string(),
  nom: z.string(),
  communes: z.array(inseeCodeSchema).min(1),
  /** 2015 code whose perimeter approximates it, or null for a new (N) QPV. */
  code2015: z.string().nullable()
});
export type Qpv2024ListEntry = z.infer<typeof qpv2024ListEntrySchema>;

export type TransitMode = z.infer<typeof transitModeSchema>;

/** `static/geo/transit-lines.geojson`. */
export const transitLinePropertiesSchema = z.object({
  /** Line id of the geometry source (e.g. `SEM_A`). */
  id: z.string(),
  /** GTFS route_short_name (A, C1, 12…). */
  name: z.string(),
  mode: transitModeSchema,
  /** NAVA / NAVE: temporary tram-replacement shuttle. */
  temporaryShuttle: z.boolean(),
  color: z.string().regex(/^#[0-9A-Fa-f]{6}$/),
  textColor: z.string().regex(/^#[0-9A-Fa-f]{6}$/)
});
export const transitLinesCollectionSchema = featureCollectionSchema(
  lineGeometrySchema,
  transitLinePropertiesSchema
);
export type TransitLinesCollection = z.infer<typeof transitLinesCollectionSchema>;

/** `static/geo/transit-stops.geojson`: stop points served by at least one line. */
export const transitStopPropertiesSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** Route short names serving the stop. */
  lines: z.array(z.string()).min(1),
  /** Best mode serving the stop: tram > chrono > bus. */
  mode: transitModeSchema,
  /** INSEE code of the commune containing the stop (point-in-polygon), null if none in the contours. */
  commune: inseeCodeSchema.nullable(),
  /** True when the stop lies outside the EPCI (kept because it serves its inhabitants). */
  outsideEpci: z.boolean(),
  /** Distance to the EPCI outline in metres when outside it, else 0. */
  distanceToEpciM: z.number().nonnegative()
});
export const transitStopsCollectionSchema = featureCollectionSchema(
  pointSchema,
  transitStopPropertiesSchema
);
export type TransitStopProperties = z.infer<typeof transitStopPropertiesSchema>;
export type TransitStopsCollection = z.infer<typeof transitStopsCollectionSchema>;
export type TransitStopFeature = TransitStopsCollection['features'][number];

/** `static/geo/population-grid.geojson`: 1 km cells (Filosofi), population assumed uniform in a cell. */
export const gridCellPropertiesSchema = z.object({
  id: z.string(),
  /** Individuals (INSEE, imputed, non-integer). */
  population: z.number().nonnegative(),
  households: z.number().nonnegative(),
  poorHouseholds: z.number().nonnegative(),
  ownerHouseholds: z.number().nonnegative(),
  /** Households in collective housing (`men_coll`). */
  collectiveHouseholds: z.number().nonnegative(),
  /** Households in a house (`men_mais`). */
  houseHouseholds: z.number().nonnegative(),
  /** Single-parent families (`men_fmp`). */
  singleParentHouseholds: z.number().nonnegative(),
  /** Households of 5 persons or more (`men_5ind`). */
  largeHouseholds: z.number().nonnegative()
});
export const populationGridSchema = featureCollectionSchema(
  areaGeometrySchema,
  gridCellPropertiesSchema
);
export type PopulationGrid = z.infer<typeof populationGridSchema>;

/** `static/data/sru.json`: SRU inventory record of each member commune. */
export const sruRecordSchema = z.object({
  code: inseeCodeSchema,
  /** Name as written in the inventory (upper case). */
  nomInventaire: z.string().nullable(),
  /** False when the commune has no row in the inventory (not in the SRU perimeter). */
  inInventory: z.boolean(),
  /** Subject to art. 55 at 1/1 of the edition (Commune_sru_au_01_01_2025). */
  subject: z.boolean(),
  lls: z.number().int().nonnegative().nullable(),
  /** SRU rate in percent (25.1 for « 25,10% »), as published (rounded to 0.1 point). */
  ratePct: z.number().nonnegative().nullable(),
  /** Target rate in percent (20 or 25) for the triennial period. */
  targetPct: z.number().positive().nullable(),
  deficitaire: z.boolean(),
  carencee: z.boolean(),
  exemptee: z.boolean(),
  /** Subject now but not at 1/1 of the previous year (null when the file has no such column). */
  newlySubject: z.boolean().nullable().optional(),
  /** Net levy (prélèvement net, majoration included) in euros. */
  levyEur: z.number().nullable(),
  populationMunicipale: z.number().int().nullable(),
  /** Date of the LLS inventory (ISO), e.g. 2024-01-01. */
  inventoryDate: z.string(),
  /** Triennial period of the target, e.g. 2023-2025. */
  period: z.string()
});
export type SruRecord = z.infer<typeof sruRecordSchema>;
export const sruFileSchema = z.object({
  ref: sourceRefSchema,
  epci: sirenSchema,
  records: z.array(sruRecordSchema)
});
export type SruFile = z.infer<typeof sruFileSchema>;

/** `static/data/insee.json`: INSEE per-commune housing and income figures. */
export const inseeRecordSchema = z.object({
  code: inseeCodeSchema,
  population: publishedNumberSchema,
  logements: publishedNumberSchema,
  residencesPrincipales: publishedNumberSchema,
  logementsVacants: publishedNumberSchema,
  /** RP occupied by their owner. */
  proprietaires: publishedNumberSchema,
  /** Median disposable income per consumption unit, €. */
  revenuMedianEur: publishedNumberSchema,
  /** Poverty rate at 60 % of the median, %. */
  tauxPauvretePct: publishedNumberSchema,
  /** Population at the earlier census (`previousCensusYear` of the file), when published. */
  populationPrevious: publishedNumberSchema.optional()
});
export type InseeRecord = z.infer<typeof inseeRecordSchema>;
export const inseeFileSchema = z.object({
  /** Census figures (RP) and income figures (Filosofi) have different vintages. */
  housingRef: sourceRefSchema,
  incomeRef: sourceRefSchema,
  /** Years of the two censuses compared for the population change, when the file has both. */
  populationChange: z
    .object({ from: z.number().int(), to: z.number().int() })
    .nullable()
    .optional(),
  records: z.array(inseeRecordSchema)
});
export type InseeFile = z.infer<typeof inseeFileSchema>;

/** `static/data/meta.json`: what was built, for which EPCI, from which sources. */
export const buildMetaSchema = z.object({
  epci: z.object({ code: sirenSchema, nom: z.string(), communes: z.number().int() }),
  /** Source ids of data/sources.json actually used, with where each was read from. */
  sources: z.array(
    z.object({ id: z.string(), origin: z.enum(['mirror', 'url', 'package']), location: z.string() })
  ),
  qpv2024: z.array(qpv2024ListEntrySchema),
  /** Coverage gaps: dataset id → member codes it does not cover (shown as « pas de donnée »). */
  gaps: z.record(z.string(), z.array(inseeCodeSchema)),
  /** When the pipeline built these outputs (ISO 8601, UTC): the « données construites le » date. */
  builtAt: z.iso.datetime(),
  /**
   * Added by the app build (svelte.config.js), absent from the pipeline's output: the id of the
   * deployed build (`kit.version.name`), which the service worker compares to detect a redeploy.
   */
  build: z.object({ id: z.string().min(1) }).optional()
});
export type BuildMeta = z.infer<typeof buildMetaSchema>;
