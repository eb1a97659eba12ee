/** The explorer's layer toggles: their French labels and order (one list). */
import type { LayerId } from '../../map/url-state';
import type { LayerToggles } from '../map/types';

export const LAYER_LABELS: Record<LayerId, string> = {
  qpv: 'Quartiers prioritaires (QPV)',
  lignes: 'Lignes de transport',
  arrets: 'Arrêts',
  noms: 'Noms des communes',
  fond: 'Fond de carte en ligne (IGN)'
};
export const LAYER_ORDER: LayerId[] = ['qpv', 'lignes', 'arrets', 'noms', 'fond'];

/** Layers only MapLibre draws: asking for one hands the map over to it. */
export const MAPLIBRE_ONLY_LAYERS: readonly LayerId[] = ['lignes', 'arrets', 'fond'];

/** The toggles of the map components from the list of layers shown (URL, explorer state). */
export function layerToggles(shown: readonly LayerId[]): LayerToggles {
  const on = (id: LayerId) => shown.includes(id);
  return {
    qpv: on('qpv'),
    lignes: on('lignes'),
    arrets: on('arrets'),
    noms: on('noms'),
    fond: on('fond')
  };
}
