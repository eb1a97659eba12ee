import { describe, expect, it } from 'vitest';
import { jsonSyntaxDetail, jsonSyntaxProblem } from '../../../src/lib/data/json-error';

/** The error this engine's JSON.parse throws on `text`. */
function parseError(text: string): unknown {
  try {
    JSON.parse(text);
  } catch (error) {
    return error;
  }
  throw new Error(`valid JSON: ${text}`);
}

const ENGLISH = /unexpected|expected|token|position|input|end of|JSON\.parse|column \d/i;

describe('jsonSyntaxDetail: messages of the engines (as they word them)', () => {
  const cases: { name: string; text: string; message: string; detail: string }[] = [
    {
      name: 'old V8, a position',
      text: '{"a": 1,\n "b": }',
      message: 'Unexpected token } in JSON at position 15',
      detail: 'JSON invalide à la ligne 2, colonne 7'
    },
    {
      name: 'V8, a position with line and column',
      text: '{\n  "a": 1\n  "b": 2\n}',
      message: "Expected ',' or '}' after property value in JSON at position 13 (line 3 column 3)",
      detail: 'JSON invalide à la ligne 3, colonne 3'
    },
    {
      name: 'V8, end of input',
      text: '{"ref": {',
      message: 'Unexpected end of JSON input',
      detail:
        "JSON invalide à la ligne 1, colonne 10 : le texte s'arrête avant la fin des données (fichier tronqué ?)"
    },
    {
      name: 'V8, a position at the end of the text (cut after a value)',
      text: '{"a": 1',
      message: "Expected ',' or '}' after property value in JSON at position 7",
      detail:
        "JSON invalide à la ligne 1, colonne 8 : le texte s'arrête avant la fin des données (fichier tronqué ?)"
    },
    {
      name: 'V8, no place',
      text: 'undefined',
      message: '"undefined" is not valid JSON',
      detail: 'JSON invalide'
    },
    {
      name: 'Firefox, line and column',
      text: '{a:1}',
      message: "JSON.parse: expected property name or '}' at line 1 column 2 of the JSON data",
      detail: 'JSON invalide à la ligne 1, colonne 2'
    },
    {
      name: 'Firefox, end of data',
      text: '[1,\n2,',
      message:
        "JSON.parse: end of data when ',' or ']' was expected at line 2 column 3 of the JSON data",
      detail:
        "JSON invalide à la ligne 2, colonne 3 : le texte s'arrête avant la fin des données (fichier tronqué ?)"
    },
    {
      name: 'Safari, end of input without a place: the end of the text',
      text: '{\n"a": [1,',
      message: 'JSON Parse error: Unexpected EOF',
      detail:
        "JSON invalide à la ligne 2, colonne 9 : le texte s'arrête avant la fin des données (fichier tronqué ?)"
    },
    {
      name: 'Safari, no place',
      text: '{"a" 1}',
      message: "JSON Parse error: Expected ':' before value in object property definition",
      detail: 'JSON invalide'
    },
    {
      name: 'empty text',
      text: ' \n',
      message: 'Unexpected end of JSON input',
      detail: 'JSON invalide : fichier vide'
    },
    {
      name: 'not an Error',
      text: '{',
      message: 'Unexpected end of JSON input',
      detail:
        "JSON invalide à la ligne 1, colonne 2 : le texte s'arrête avant la fin des données (fichier tronqué ?)"
    }
  ];
  for (const c of cases) {
    it(c.name, () => {
      const error = c.name === 'not an Error' ? c.message : new SyntaxError(c.message);
      expect(jsonSyntaxDetail(c.text, error)).toBe(c.detail);
      expect(jsonSyntaxDetail(c.text, error)).not.toMatch(ENGLISH);
    });
  }
});

describe('jsonSyntaxDetail: what this engine throws', () => {
  const cases: { name: string; text: string; detail: RegExp }[] = [
    {
      name: 'a missing comma',
      text: '{\n  "a": 1\n  "b": 2\n}',
      detail: /^JSON invalide à la ligne 3, colonne 3$/
    },
    {
      name: 'a trailing comma',
      text: '{"a": 1,}',
      detail: /^JSON invalide à la ligne 1, colonne 9$/
    },
    {
      name: 'text after the value',
      text: '[1, 2] x',
      detail: /^JSON invalide à la ligne 1, colonne 8$/
    },
    {
      name: 'a truncated file',
      text: '{"records": [\n  {"code": "38185"',
      detail: /^JSON invalide à la ligne 2, colonne 19 : .*tronqué/
    },
    { name: 'an unterminated string', text: '{"a": "abc', detail: /tronqué/ },
    { name: 'an empty file', text: '', detail: /^JSON invalide : fichier vide$/ }
  ];
  for (const c of cases) {
    it(c.name, () => {
      expect(jsonSyntaxDetail(c.text, parseError(c.text))).toMatch(c.detail);
    });
  }
});

describe('jsonSyntaxProblem', () => {
  it('gives line and column from a position, counting from 1', () => {
    const text = '[\n1,\n,2]';
    expect(
      jsonSyntaxProblem(text, new SyntaxError('Unexpected token , in JSON at position 5'))
    ).toEqual({ line: 3, column: 1, empty: false, truncated: false });
  });
  it('prefers the line and column the engine gives', () => {
    const problem = jsonSyntaxProblem(
      'x',
      new SyntaxError('Bad thing in JSON at position 0 (line 7 column 4)')
    );
    expect(problem).toMatchObject({ line: 7, column: 4 });
  });
});
