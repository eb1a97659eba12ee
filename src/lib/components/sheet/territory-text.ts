/**
 * French elisions and contractions around a territory's name (pure): « de Grenoble »,
 * « d'Échirolles », « du Gua », « du quartier Mistral », « parce qu'Eybens ».
 */

/** Starts with a vowel sound (a mute h counts: « d'Herbeys »). */
function elides(word: string): boolean {
  return /^[aeiouyàâäéèêëîïôöùûüœæh]/i.test(word.normalize('NFC'));
}

/**
 * « de » + name, contracted with the name's article: « du Gua », « du Pont-de-Claix », « des
 * Adrets », « de La Tronche », « d'Échirolles », « de Grenoble ».
 */
export function deNom(nom: string): string {
  const m = /^(Le|Les)\s+(.*)$/.exec(nom);
  if (m) return `${m[1] === 'Le' ? 'du' : 'des'} ${m[2]}`;
  return elides(nom) ? `d’${nom}` : `de ${nom}`;
}

/** « parce que » or « parce qu' » before `next`. */
export function parceQue(next: string, capital = true): string {
  const p = capital ? 'Parce' : 'parce';
  return elides(next) ? `${p} qu’${next}` : `${p} que ${next}`;
}

/** How a sheet names its territory in running text. */
export interface TerritoryWords {
  /** Subject of « Parce que … compte 4 QPV »: « Grenoble », « le quartier ». */
  subject: string;
  /** Complement « la situation … »: « de Grenoble », « du quartier Mistral ». */
  of: string;
}

export function territoryWords(kind: 'commune' | 'qpv', nom: string): TerritoryWords {
  return kind === 'commune'
    ? { subject: nom, of: deNom(nom) }
    : { subject: 'le quartier', of: `du quartier ${nom}` };
}
