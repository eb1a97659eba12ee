/** French wording of a QPV perimeter's generation and of its 2024 successor. */
import type { Qpv2024ListEntry, QpvProperties } from '../../schemas/outputs';

export function generationLabel(generation: QpvProperties['generation']): string {
  return generation === '2015' ? 'périmètre 2015' : 'périmètre 2024';
}

/** What became of a 2015 perimeter in 2024, or null when the sources say nothing. */
export function successorText(q: QpvProperties): string | null {
  if (q.generation !== '2015') return null;
  if (q.code2024 === null) return 'Pas de QPV 2024 correspondant dans les sources.';
  const name = q.nom2024 ? ` « ${q.nom2024} »` : '';
  const contour =
    q.contourModified2024 === true
      ? ' Son contour a été modifié en 2024 : le périmètre 2015 affiché n’en est qu’une approximation.'
      : q.contourModified2024 === false
        ? ' Contour inchangé en 2024.'
        : '';
  return `Devenu en 2024 le QPV ${q.code2024}${name}.${contour}`;
}

/**
 * One QPV on one line (print header): « Mistral (QN03806M, périmètre 2024) », and for a 2015
 * perimeter its 2024 successor when known (« …, périmètre 2015, devenu QN03806M en 2024 »).
 */
export function qpvOneLine(q: QpvProperties): string {
  const successor =
    q.generation === '2015' && q.code2024 !== null ? `, devenu ${q.code2024} en 2024` : '';
  return `${q.nom} (${q.code}, ${generationLabel(q.generation)}${successor})`;
}

/** 2024 QPV of the list that have no perimeter drawn (new in 2024, or whose 2015 code is unknown here). */
export function listOnly2024(
  list: readonly Qpv2024ListEntry[],
  perimeters: readonly QpvProperties[]
): Qpv2024ListEntry[] {
  const drawn = new Set(perimeters.flatMap((q) => [q.code, q.code2024 ?? '']));
  return list.filter((e) => !drawn.has(e.code));
}
