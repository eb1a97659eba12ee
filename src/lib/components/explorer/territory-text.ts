/**
 * French wording of what the explorer shows for a territory (pure): the screen-reader
 * announcement of a selection, the accessible names of the map's shapes and the commune names
 * of the « propositions » view.
 */
import { formatIndicatorValue } from '../../map/indicator-format';
import type { IndicatorDefinition, IndicatorValue } from '../../schemas/indicators';

/** What the map shows for a commune: a number of propositions, or an indicator's value. */
export type CommuneFigure =
  | { count: number }
  | {
      definition: Pick<IndicatorDefinition, 'label' | 'unit' | 'decimals'>;
      value: IndicatorValue | undefined;
    };

/** « 3 proposition(s) ciblée(s) » or « Taux de LLS 22,5 % ». */
export function figureText(figure: CommuneFigure): string {
  return 'count' in figure
    ? `${figure.count} proposition(s) ciblée(s)`
    : `${figure.definition.label} ${formatIndicatorValue(figure.value, figure.definition)}`;
}

/** Announced on selection: « Échirolles sélectionnée : Taux de LLS 36,2 %. » */
export function selectionText(nom: string, figure: CommuneFigure): string {
  return `${nom} sélectionnée : ${figureText(figure)}.`;
}

/** Accessible name of a commune on the map: « Grenoble : Taux de LLS 22,5 % ». */
export function communeAriaLabel(nom: string, figure: CommuneFigure): string {
  return `${nom} : ${figureText(figure)}`;
}

/** Accessible name of a QPV on the map (a link to its sheet). */
export function qpvAriaLabel(nom: string): string {
  return `${nom} : quartier prioritaire, ouvrir sa fiche`;
}

/**
 * Name of a commune in the « propositions » view: « Meylan (12) », « Meylan (12 + 2 en
 * réunion) ». Meeting contributions are counted apart from the workshop's items.
 */
export function countedName(nom: string, count: number, heard: number): string {
  return `${nom} (${count}${heard > 0 ? ` + ${heard} en réunion` : ''})`;
}
