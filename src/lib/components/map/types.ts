/** Props shared by the map components. */
import type { IndicatorValue } from '../../schemas/indicators';

/** A classified numeric join: feature-state values per territory code, class bounds and colours. */
export interface ClassedValues<V> {
  values: ReadonlyMap<string, V>;
  /** Class lower bounds (see `src/lib/map/classify.ts`). */
  lowerBounds: readonly number[];
  colors: readonly string[];
}
export type ChoroplethSpec = ClassedValues<IndicatorValue> & {
  /** 0 drawn apart as « objectif atteint » (see `zeroApartFor` in map/scheme). */
  zeroApart?: boolean;
};
export type CountSpec = ClassedValues<number>;

export interface LayerToggles {
  qpv: boolean;
  lignes: boolean;
  arrets: boolean;
  noms: boolean;
  /** Optional online basemap. */
  fond: boolean;
}

export const DEFAULT_LAYERS: LayerToggles = {
  qpv: true,
  lignes: true,
  arrets: false,
  noms: true,
  fond: false
};

export type TerritoryKind = 'commune' | 'qpv';
