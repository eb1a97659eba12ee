/**
 * The optional online basemap: Plan IGN v2 raster tiles of the Géoplateforme (IGN, Licence
 * Ouverte). Its origin is the only outside origin of the CSP (`svelte.config.js`).
 */
export const BASEMAP_ORIGIN = 'https://data.geopf.fr';

export const BASEMAP = {
  label: 'Plan IGN (en ligne)',
  tiles: `${BASEMAP_ORIGIN}/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=GEOGRAPHICALGRIDSYSTEMS.PLANIGNV2&STYLE=normal&TILEMATRIXSET=PM&FORMAT=image/png&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}`,
  attribution: '© IGN – Plan IGN v2 (Géoplateforme, Licence Ouverte)'
} as const;
