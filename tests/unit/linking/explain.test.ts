import { describe, expect, it } from 'vitest';
import { explain, joinFrench, spellOutLls } from '../../../src/lib/linking/match';
import type { TagEvidence, TerritoryTag } from '../../../src/lib/schemas/tags';

const ev = (tag: TerritoryTag, reason: string, strength = 0.5): TagEvidence => ({
  tag,
  strength,
  reason,
  source: `s-${tag}`,
  vintage: '2099'
});
const SRU = ' avec 13,8 % de LLS pour un objectif de 25 % (inventaire SRU au 1er janvier 2024)';
const carencee = ev('sru_carencee', `est carencée SRU${SRU}`, 1);
const deficit = ev('sru_deficitaire', `est déficitaire SRU${SRU}`, 0.9);
const soumise = ev('sru_soumise', `est soumise à la loi SRU${SRU}`, 1);
const qpv = ev(
  'qpv',
  'compte 1 quartier prioritaire sur 2,0 % de sa surface (périmètres 2024)',
  0.2
);
const stock = ev(
  'parc_social',
  'compte 808 LLS (inventaire SRU au 1er janvier 2024 ; seuil retenu : 200)'
);
const noStop = ev('sans_tc', "n'a aucun arrêt du réseau M réso sur son territoire", 1);
const LONG = 'logements locatifs sociaux (LLS)';

describe('explain (« why » sentences)', () => {
  it.each([
    [
      'a carencée commune gets one SRU clause, not two',
      [carencee, deficit, soumise],
      `Affiché car la commune est carencée SRU avec 13,8 % de ${LONG} pour un objectif de 25 % (inventaire SRU au 1er janvier 2024).`
    ],
    [
      'déficitaire says « soumise » already',
      [soumise, deficit],
      `Affiché car la commune est déficitaire SRU avec 13,8 % de ${LONG} pour un objectif de 25 % (inventaire SRU au 1er janvier 2024).`
    ],
    [
      'LLS is spelled out once, at its first use',
      [stock, deficit],
      `Affiché car la commune est déficitaire SRU avec 13,8 % de ${LONG} pour un objectif de 25 % (inventaire SRU au 1er janvier 2024) et compte 808 LLS (inventaire SRU au 1er janvier 2024 ; seuil retenu : 200).`
    ],
    [
      'clause order is SRU, stock, QPV, transit whatever the strengths',
      [noStop, qpv, stock],
      `Affiché car la commune compte 808 ${LONG} (inventaire SRU au 1er janvier 2024 ; seuil retenu : 200), compte 1 quartier prioritaire sur 2,0 % de sa surface (périmètres 2024) et n'a aucun arrêt du réseau M réso sur son territoire.`
    ],
    [
      'a clause ending with a full stop does not double it',
      [ev('qpv', 'est un quartier prioritaire.')],
      'Affiché car la commune est un quartier prioritaire.'
    ]
  ])('%s', (_name, evidence, expected) => {
    expect(explain('commune', evidence)).toBe(expected);
  });

  it('gives the same sentence whatever the order of the evidence', () => {
    const a = explain('commune', [noStop, qpv, stock, deficit]);
    const b = explain('commune', [deficit, stock, qpv, noStop]);
    expect(a).toBe(b);
    expect(a.endsWith('.')).toBe(true);
    expect(a.match(/logements locatifs sociaux/g)).toHaveLength(1);
    expect(a).not.toMatch(/\.\.$/);
  });

  it('uses « le quartier » for a QPV', () => {
    expect(explain('qpv', [qpv])).toMatch(/^Affiché car le quartier compte/);
  });
});

describe('spellOutLls / joinFrench', () => {
  it.each([
    ['14 % de LLS et 20 LLS', `14 % de ${LONG} et 20 LLS`],
    [`déjà ${LONG}, puis LLS`, `déjà ${LONG}, puis LLS`],
    ['rien à écrire', 'rien à écrire'],
    ['LLSX n’est pas un sigle', 'LLSX n’est pas un sigle']
  ])('%s', (input, expected) => expect(spellOutLls(input)).toBe(expected));
  it.each([
    [[], ''],
    [['a'], 'a'],
    [['a', 'b'], 'a et b'],
    [['a', 'b', 'c'], 'a, b et c']
  ])('%j → %s', (parts, expected) => expect(joinFrench(parts)).toBe(expected));
});
