/**
 * Indicator groups of the explorer's « Indicateur » list (pure): only the indicators with at least
 * one figure are offered (an all-« pas de donnée » map helps no one), grouped by theme.
 */
import type { IndicatorDefinition, IndicatorValue } from '../../schemas/indicators';

export const INDICATOR_GROUPS: { label: string; prefix: RegExp }[] = [
  { label: 'Logement social (SRU)', prefix: /^sru_/ },
  { label: 'Quartiers prioritaires', prefix: /^qpv_/ },
  { label: 'Transports en commun', prefix: /^tc_/ },
  { label: 'Logement et revenus', prefix: /^(logement_|revenu_|taux_pauvrete)/ },
  { label: 'Population et territoire', prefix: /^(population|surface_ha)$/ }
];

export interface IndicatorGroup {
  label: string;
  defs: IndicatorDefinition[];
}

export function indicatorGroups(
  definitions: readonly IndicatorDefinition[],
  communes: readonly { values: Partial<Record<string, IndicatorValue>> }[]
): IndicatorGroup[] {
  const offered = definitions.filter((d) => communes.some((c) => c.values[d.id]?.status === 'ok'));
  return INDICATOR_GROUPS.map((g) => ({
    label: g.label,
    defs: offered.filter((d) => g.prefix.test(d.id))
  })).filter((g) => g.defs.length > 0);
}
