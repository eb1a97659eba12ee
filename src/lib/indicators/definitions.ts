/**
 * Definitions of the indicators (French label, unit, decimals, one-line method note, sources and
 * vintage) shown by the UI next to each figure.
 */
import { formatNumber } from '$lib/format/number';
import type { CoverageParams, IndicatorDefinition, IndicatorId } from '$lib/schemas/indicators';

/** Where the figures of one run come from: source id → vintage. */
export interface DefinitionRefs {
  communes: { source: string; vintage: string };
  population: { source: string; vintage: string };
  sru: { source: string; vintage: string };
  qpvGeometry: { source: string; vintage: string } | null;
  qpvPopulation: { source: string; vintage: string } | null;
  stops: { source: string; vintage: string };
  grid: { source: string; vintage: string };
  housing: { source: string; vintage: string };
  income: { source: string; vintage: string };
  /** Censuses compared for the population change (from the INSEE file), or null. */
  populationChange?: { from: number; to: number } | null;
}

const m = (v: number) => `${formatNumber(v)} m`;

export function buildDefinitions(
  refs: DefinitionRefs,
  params: CoverageParams,
  catchUpNote: string,
  pocketNote = 'le seuil retenu'
): IndicatorDefinition[] {
  const hhNote =
    'ménages des carreaux INSEE de 1 km (Filosofi), répartis au prorata de la surface : approximation';
  const radii = `${m(params.radiusTramM)} d'un arrêt de tram, ${m(params.radiusChronoM)} d'un arrêt Chrono ou ${m(params.radiusBusM)} d'un autre arrêt de bus, à vol d'oiseau`;
  const gridNote =
    'population des carreaux INSEE de 1 km, supposée uniforme dans chaque carreau (approximation)';
  const qpvGeo = refs.qpvGeometry ?? { source: 'qpv-2015', vintage: 'non disponible' };
  const qpvPop = refs.qpvPopulation ?? { source: 'qpv-population-2018', vintage: 'non disponible' };
  const sampled = 'territoire échantillonné sur une grille régulière';
  const def = (
    id: IndicatorId,
    label: string,
    unit: string,
    decimals: number,
    method: string,
    from: { source: string; vintage: string }[],
    higherIsBetter: boolean | null
  ): IndicatorDefinition => ({
    id,
    label,
    unit,
    decimals,
    method,
    sources: [...new Set(from.map((f) => f.source))],
    vintage: [...new Set(from.map((f) => f.vintage))].join(' ; '),
    higherIsBetter
  });
  const tc = [refs.stops, refs.grid];
  return [
    def(
      'population',
      'Population municipale',
      'hab.',
      0,
      'Population légale municipale.',
      [refs.population],
      null
    ),
    def(
      'surface_ha',
      'Surface',
      'ha',
      0,
      'Surface calculée sur le contour (géodésique) ; pour un QPV, surface de son périmètre.',
      [refs.communes, qpvGeo],
      null
    ),
    def(
      'sru_taux_lls',
      'Taux de logements sociaux (SRU)',
      '%',
      1,
      "Taux publié par l'inventaire SRU (LLS / résidences principales), arrondi au dixième de point.",
      [refs.sru],
      true
    ),
    def(
      'sru_taux_cible',
      'Taux cible SRU',
      '%',
      0,
      "Taux cible de la période triennale, lu dans l'inventaire (CCH art. L302-5).",
      [refs.sru],
      null
    ),
    def(
      'sru_ecart_cible_points',
      'Écart au taux cible SRU',
      'points',
      1,
      "Taux cible − taux publié par l'inventaire SRU, en points de pourcentage ; 0 quand la cible est atteinte.",
      [refs.sru],
      false
    ),
    def(
      'sru_lls',
      'Logements locatifs sociaux (SRU)',
      'logements',
      0,
      "Nombre de LLS décomptés par l'inventaire SRU.",
      [refs.sru],
      true
    ),
    def(
      'sru_rp_estimees',
      'Résidences principales (estimation)',
      'logements',
      0,
      "Estimation : LLS / taux publié ; l'intervalle vient de l'arrondi du taux (± 0,05 point). L'inventaire ne donne pas ce nombre.",
      [refs.sru],
      null
    ),
    def(
      'sru_lls_manquants',
      'Logements sociaux manquants (estimation)',
      'logements',
      0,
      'Estimation : max(0, taux cible × résidences principales estimées − LLS), avec son intervalle.',
      [refs.sru],
      false
    ),
    def(
      'sru_objectif_triennal',
      'Objectif triennal de rattrapage (estimation)',
      'logements',
      0,
      catchUpNote,
      [refs.sru],
      null
    ),
    def(
      'sru_prelevement',
      'Prélèvement SRU net',
      '€',
      0,
      "Prélèvement net (majoration comprise) publié par l'inventaire SRU.",
      [refs.sru],
      false
    ),
    def(
      'qpv_nombre',
      'Quartiers prioritaires (QPV)',
      'QPV',
      0,
      'Nombre de QPV situés (au moins en partie) dans la commune.',
      [qpvGeo],
      null
    ),
    def(
      'qpv_part_surface',
      'Part de la surface en QPV',
      '%',
      1,
      `Part de la surface de la commune dans un périmètre QPV (${sampled}).`,
      [qpvGeo, refs.communes],
      null
    ),
    def(
      'qpv_population',
      'Population en QPV',
      'hab.',
      0,
      "Population des QPV : publiée par l'INSEE pour les périmètres 2015 ; pour les périmètres 2024, estimée à partir des carreaux de 1 km (population supposée uniforme dans chaque carreau ; intervalle : carreaux entièrement inclus – carreaux touchés). Un QPV à cheval sur plusieurs communes est réparti au prorata de la surface (estimation).",
      [qpvPop],
      null
    ),
    def(
      'tc_couverture_surface',
      'Surface desservie par les transports en commun',
      '%',
      1,
      `Part de la surface à moins de ${radii} (${sampled}).`,
      [refs.stops, refs.communes],
      true
    ),
    def(
      'tc_couverture_population',
      'Population desservie par les transports en commun',
      '%',
      1,
      `Part de la population à moins de ${radii} ; ${gridNote}.`,
      tc,
      true
    ),
    def(
      'tc_couverture_pop_tram',
      'Population à distance de marche du tram',
      '%',
      1,
      `Part de la population à moins de ${m(params.radiusTramM)} d'un arrêt de tram ; ${gridNote}.`,
      tc,
      true
    ),
    def(
      'tc_couverture_pop_chrono',
      'Population à distance de marche d’une ligne Chrono',
      '%',
      1,
      `Part de la population à moins de ${m(params.radiusChronoM)} d'un arrêt Chrono (hors arrêts de tram) ; ${gridNote}.`,
      tc,
      true
    ),
    def(
      'tc_couverture_pop_bus',
      'Population à distance de marche d’un autre bus',
      '%',
      1,
      `Part de la population à moins de ${m(params.radiusBusM)} d'un arrêt desservi seulement par des bus hors Chrono ; ${gridNote}.`,
      tc,
      true
    ),
    def(
      'tc_distance_tram_chrono',
      'Distance au tram ou Chrono le plus proche',
      'm',
      0,
      "Distance à vol d'oiseau du centroïde du territoire (faute de source pour les mairies) à l'arrêt de tram ou Chrono le plus proche.",
      [refs.stops, refs.communes],
      false
    ),
    def(
      'tc_arrets_pour_1000',
      'Arrêts pour 1 000 habitants',
      'arrêts pour 1 000 hab.',
      1,
      'Arrêts situés dans le territoire pour 1 000 habitants (population municipale ; pour un QPV, sa population publiée).',
      [refs.stops, refs.population],
      true
    ),
    def(
      'logement_vacance',
      'Logements vacants, tous parcs (INSEE)',
      '%',
      1,
      "Logements vacants / ensemble des logements, tous parcs confondus (recensement) : ce n'est pas la vacance du parc social, qu'aucune source ouverte ne donne par commune.",
      [refs.housing],
      false
    ),
    def(
      'logement_proprietaires',
      'Propriétaires occupants',
      '%',
      1,
      'Résidences principales occupées par leur propriétaire / résidences principales (recensement).',
      [refs.housing],
      null
    ),
    def(
      'revenu_median',
      'Revenu médian',
      '€',
      0,
      'Médiane du revenu disponible par unité de consommation (Filosofi) ; « s » = secret statistique.',
      [refs.income],
      true
    ),
    def(
      'taux_pauvrete',
      'Taux de pauvreté',
      '%',
      1,
      'Part des personnes sous le seuil de 60 % du niveau de vie médian (Filosofi) ; secret statistique pour les petites communes.',
      [refs.income],
      false
    ),
    def(
      'population_evolution_annuelle',
      'Évolution annuelle de la population',
      '%',
      2,
      refs.populationChange
        ? `Variation annuelle moyenne de la population entre les recensements ${refs.populationChange.from} et ${refs.populationChange.to} (INSEE).`
        : 'Variation annuelle moyenne de la population entre deux recensements (INSEE).',
      [refs.housing],
      null
    ),
    def(
      'menages_collectif_part',
      'Ménages en logement collectif',
      '%',
      1,
      `Ménages vivant en appartement / ensemble des ménages (champ Filosofi « men_coll ») ; ${hhNote}.`,
      [refs.grid],
      null
    ),
    def(
      'menages_proprietaires_collectif',
      'Propriétaires occupants en collectif (approximation des copropriétés)',
      'ménages',
      0,
      `Approximation des copropriétés, pas un décompte : ménages propriétaires vivant en appartement, estimés par carreau entre « men_prop − men_mais » et min(« men_prop », « men_coll »), valeur centrale à part de propriétaires égale en maison et en appartement ; ${hhNote}. Le registre des copropriétés (RNIC) n'est pas dans les sources.`,
      [refs.grid],
      null
    ),
    def(
      'menages_pauvres_part',
      'Ménages pauvres (carreaux)',
      '%',
      1,
      `Ménages sous le seuil de pauvreté / ensemble des ménages (champ Filosofi « men_pauv ») ; ${hhNote}.`,
      [refs.grid],
      false
    ),
    def(
      'familles_monoparentales_part',
      'Familles monoparentales',
      '%',
      1,
      `Ménages monoparentaux / ensemble des ménages (champ Filosofi « men_fmp ») ; ${hhNote}.`,
      [refs.grid],
      null
    ),
    def(
      'grands_menages_part',
      'Ménages de 5 personnes ou plus',
      '%',
      1,
      `Ménages de 5 personnes ou plus / ensemble des ménages (champ Filosofi « men_5ind ») ; ${hhNote}.`,
      [refs.grid],
      null
    ),
    def(
      'poches_pauvrete_menages',
      'Ménages pauvres dans des poches de pauvreté hors QPV (estimation)',
      'ménages',
      0,
      `Ménages pauvres des carreaux de 1 km dont la part de ménages pauvres atteint ${pocketNote} et qu'aucun périmètre QPV 2024 ne couvre, répartis au prorata de la surface (intervalle : carreaux entièrement inclus – carreaux touchés).`,
      [refs.grid, qpvGeo],
      false
    )
  ];
}
