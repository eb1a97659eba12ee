/**
 * Pipeline step `svg-geometry`: projects the communes, QPV perimeters and transit network once
 * (conformal conic close to Lambert-93, fitted to the EPCI on a 1000-unit-wide viewBox),
 * simplifies them as one topology (shared borders stay shared: no slivers or gaps between
 * communes), and writes compact SVG path data with label anchors. Read by the SVG maps, which
 * then need neither MapLibre nor a projection library to draw.
 */
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import { rewind } from '@turf/turf';
import polylabel from 'polylabel';
import { feature, merge } from 'topojson-client';
import { topology } from 'topojson-server';
import { presimplify, simplify } from 'topojson-simplify';
import type { GeometryCollection, Objects, Topology } from 'topojson-specification';
import { conicProjection, fitProjection, metresPerUnit } from '../../src/lib/map/svg/project';
import {
  geometryToPath,
  mapPositions,
  planarBBox,
  positionsOf,
  round
} from '../../src/lib/map/svg/paths';
import type {
  CommunesCollection,
  EpciCollection,
  QpvCollection,
  TransitLinesCollection,
  TransitStopsCollection
} from '../../src/lib/schemas/outputs';
import type { SourceRef } from '../../src/lib/schemas/common';
import type { SvgOverview, SvgTransit } from '../../src/lib/schemas/svg-map';
import type { PipelineStep } from './build';

/** viewBox width (units); the height follows the EPCI's shape. */
export const SVG_WIDTH = 1000;
/** Margin around the EPCI (units). */
export const SVG_PAD = 12;
/**
 * Visvalingam threshold (square units): a vertex whose triangle is smaller is dropped. 0.05 u²
 * keeps the outlines faithful when a sheet frames one commune at about 4× the overview scale.
 */
export const SVG_MIN_AREA = 0.05;

export interface SvgGeometryInput {
  communes: CommunesCollection;
  epci: EpciCollection;
  qpv: QpvCollection;
  transitLines: TransitLinesCollection;
  transitStops: TransitStopsCollection;
  /** Provenance of the geometry (communes contours, QPV perimeters). */
  sources: SourceRef[];
  width?: number;
  minArea?: number;
}

type Area = Polygon | MultiPolygon;

/** Anchor of a label: pole of inaccessibility of the largest polygon (by bbox area). */
function labelAnchor(geometry: Area): { anchor: [number, number]; radius: number } {
  const polys = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  let best = polys[0]!;
  let bestArea = -1;
  for (const p of polys) {
    const b = planarBBox(p[0]!);
    const a = b ? (b[2] - b[0]) * (b[3] - b[1]) : 0;
    if (a > bestArea) {
      bestArea = a;
      best = p;
    }
  }
  const at = polylabel(best as [number, number][][], 0.5);
  return { anchor: [round(at[0]), round(at[1])], radius: round(at.distance) };
}

function bboxOf(geometry: Area): [number, number, number, number] {
  const b = planarBBox(positionsOf(geometry));
  if (!b) throw new Error('svg-geometry : géométrie vide');
  return [round(b[0]), round(b[1]), round(b[2]), round(b[3])];
}

/** Pure build of both SVG geometry files. */
export function buildSvgGeometry(input: SvgGeometryInput): {
  overview: SvgOverview;
  transit: SvgTransit;
} {
  const width = input.width ?? SVG_WIDTH;
  const minArea = input.minArea ?? SVG_MIN_AREA;
  const epciFeature = input.epci.features[0];
  if (!epciFeature) throw new Error('svg-geometry : static/geo/epci.geojson n’a aucune entité');
  const { params, height } = fitProjection([...positionsOf(epciFeature.geometry)], width, SVG_PAD);
  const projection = conicProjection(params);
  const project = (p: Position): Position => {
    const xy = projection([p[0]!, p[1]!]);
    if (!xy) throw new Error(`svg-geometry : la position ${p.join(',')} ne peut pas être projetée`);
    return xy;
  };
  // RFC 7946 winding first (outer rings counter-clockwise): merging the outline relies on the
  // rings of neighbours running the same way.
  const planar = <G extends Area>(g: G) => mapPositions(rewind(g) as G, project);

  // One topology for communes and QPV: arcs shared by neighbours are simplified once.
  const communeGeoms = input.communes.features.map((f) => ({
    type: 'Feature' as const,
    properties: { code: f.properties.code },
    geometry: planar(f.geometry)
  }));
  const qpvGeoms = input.qpv.features.map((f) => ({
    type: 'Feature' as const,
    properties: { code: f.properties.code },
    geometry: planar(f.geometry)
  }));
  const collections: Record<'communes' | 'qpv', FeatureCollection> = {
    communes: { type: 'FeatureCollection', features: communeGeoms },
    qpv: { type: 'FeatureCollection', features: qpvGeoms }
  };
  const topo = topology(collections) as unknown as Topology<Objects<object>>;
  const simple = simplify(presimplify(topo), minArea) as Topology<{
    communes: GeometryCollection<{ code: string }>;
    qpv: GeometryCollection<{ code: string }>;
  }>;
  const simplified = (name: 'communes' | 'qpv'): Map<string, Area> => {
    const fc = feature(simple, simple.objects[name]) as unknown as {
      features: Feature<Area | null, { code: string }>[];
    };
    return new Map(
      fc.features.flatMap((f) => (f.geometry ? [[f.properties.code, f.geometry] as const] : []))
    );
  };
  const communeShapes = simplified('communes');
  const qpvShapes = simplified('qpv');

  const territory = (code: string, nom: string, shape: Area | undefined) => {
    if (!shape) throw new Error(`svg-geometry : ${code} (${nom}) a disparu à la simplification`);
    const { anchor, radius } = labelAnchor(shape);
    return {
      code,
      nom,
      path: geometryToPath(shape),
      anchor,
      anchorRadius: radius,
      bbox: bboxOf(shape)
    };
  };
  const communes = input.communes.features.map((f) =>
    territory(f.properties.code, f.properties.nom, communeShapes.get(f.properties.code))
  );
  const qpv = input.qpv.features.map((f) => ({
    ...territory(f.properties.code, f.properties.nom, qpvShapes.get(f.properties.code)),
    communes: f.properties.communes,
    generation: f.properties.generation,
    geometryRef: f.properties.geometryRef
  }));
  // The outline is the union of the simplified communes: it follows their borders exactly.
  const outline = merge(
    simple as unknown as Topology,
    simple.objects.communes.geometries as never
  ) as MultiPolygon;

  const proj = {
    type: 'conicConformal' as const,
    parallels: params.parallels,
    rotate: params.rotate,
    scale: round(params.scale, 4),
    translate: [round(params.translate[0], 4), round(params.translate[1], 4)] as [number, number]
  };
  // Rebuild from the rounded parameters: what clients will use.
  const stored = conicProjection(proj);
  const overview: SvgOverview = {
    version: 1,
    width,
    height,
    projection: proj,
    metresPerUnit: round(metresPerUnit(stored, [width / 2, height / 2]), 3),
    simplifyMinArea: minArea,
    epci: {
      code: epciFeature.properties.code,
      nom: epciFeature.properties.nom,
      path: geometryToPath(outline),
      bbox: bboxOf(outline)
    },
    communes,
    qpv,
    sources: input.sources
  };

  // Lines are drawn thin over the map: a coarser threshold loses nothing visible.
  const lineCollection: FeatureCollection = {
    type: 'FeatureCollection',
    features: input.transitLines.features.map((f) => ({
      type: 'Feature' as const,
      properties: { id: f.properties.id },
      geometry: mapPositions(f.geometry, project)
    }))
  };
  const lineTopo = topology({ lines: lineCollection }) as unknown as Topology<Objects<object>>;
  const simpleLines = simplify(presimplify(lineTopo), minArea * 4);
  const lineShapes = feature(
    simpleLines,
    simpleLines.objects.lines as GeometryCollection<{ id: string }>
  ).features;
  const lines = input.transitLines.features.flatMap((f, i) => {
    const shape = lineShapes[i]?.geometry;
    const path = shape ? geometryToPath(shape) : '';
    return path === ''
      ? []
      : [
          {
            id: f.properties.id,
            name: f.properties.name,
            mode: f.properties.mode,
            color: f.properties.color,
            path
          }
        ];
  });
  const stops = input.transitStops.features.map((f) => {
    const [x, y] = project(f.geometry.coordinates);
    return {
      id: f.properties.id,
      name: f.properties.name,
      mode: f.properties.mode,
      commune: f.properties.commune,
      lines: f.properties.lines,
      at: [round(x!), round(y!)] as [number, number]
    };
  });
  return { overview, transit: { version: 1, projection: proj, lines, stops } };
}

/** Runs after the communes, QPV and transit steps (reads their outputs). */
export const svgGeometryStep: PipelineStep = {
  name: 'svg-geometry',
  run(ctx) {
    const o = ctx.outputs;
    if (!o.communes || !o.epci)
      throw new Error('svg-geometry : l’étape communes doit passer d’abord');
    const refs = new Map<string, SourceRef>();
    const communesEntry = ctx.source('communes-ign');
    refs.set(communesEntry.id, { source: communesEntry.id, vintage: communesEntry.vintage });
    for (const f of o.qpv?.features ?? []) {
      refs.set(f.properties.geometryRef.source, f.properties.geometryRef);
    }
    const { overview, transit } = buildSvgGeometry({
      communes: o.communes,
      epci: o.epci,
      qpv: o.qpv ?? { type: 'FeatureCollection', features: [] },
      transitLines: o.transitLines ?? { type: 'FeatureCollection', features: [] },
      transitStops: o.transitStops ?? { type: 'FeatureCollection', features: [] },
      sources: [...refs.values()]
    });
    o.svgOverview = overview;
    o.svgTransit = transit;
  }
};
