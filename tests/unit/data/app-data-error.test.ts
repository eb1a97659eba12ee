import { describe, expect, it } from 'vitest';
import {
  AppDataError,
  CONNECTION_ADVICE,
  UNEXPECTED_ADVICE,
  errorFromWire,
  errorToWire,
  loadFailureMessage
} from '../../../src/lib/data/app-data-error';

const CONTEXT = 'Les diapositives n’ont pas pu être chargées';

describe('loadFailureMessage', () => {
  const cases: { name: string; error: unknown; expected: string }[] = [
    {
      name: 'AppDataError → its French message naming file and field',
      error: new AppDataError('/data/x.json', 'valeur attendue : nombre', 'features[0].code'),
      expected: `${CONTEXT}. Fichier /data/x.json, champ « features[0].code » : valeur attendue : nombre`
    },
    {
      name: 'AppDataError without a field',
      error: new AppDataError('/data/x.json', 'HTTP 404'),
      expected: `${CONTEXT}. Fichier /data/x.json : HTTP 404`
    },
    {
      name: 'fetch offline (Chromium)',
      error: new TypeError('Failed to fetch'),
      expected: `${CONTEXT} : vérifiez la connexion puis rechargez la page.`
    },
    {
      name: 'lazy chunk offline (Chromium)',
      error: new TypeError('Failed to fetch dynamically imported module: /_app/x.js'),
      expected: `${CONTEXT} : ${CONNECTION_ADVICE}.`
    },
    {
      name: 'fetch offline (Firefox)',
      error: new TypeError('NetworkError when attempting to fetch resource.'),
      expected: `${CONTEXT} : ${CONNECTION_ADVICE}.`
    },
    {
      name: 'fetch offline (Safari)',
      error: new TypeError('Load failed'),
      expected: `${CONTEXT} : ${CONNECTION_ADVICE}.`
    },
    {
      name: 'lazy chunk offline (Safari)',
      error: new TypeError('Importing a module script failed.'),
      expected: `${CONTEXT} : ${CONNECTION_ADVICE}.`
    },
    {
      name: 'a bug in the code (TypeError, not a network failure)',
      error: new TypeError("Cannot read properties of undefined (reading 'code')"),
      expected: `${CONTEXT} : erreur inattendue, rechargez la page.`
    },
    {
      name: 'a library error',
      error: new RangeError('Invalid array length'),
      expected: `${CONTEXT} : ${UNEXPECTED_ADVICE}.`
    },
    {
      name: 'a plain Error named like the loader error but not one',
      error: Object.assign(new Error('Something broke'), { name: 'AppDataError' }),
      expected: `${CONTEXT} : ${UNEXPECTED_ADVICE}.`
    },
    { name: 'a thrown string', error: 'oops', expected: `${CONTEXT} : ${UNEXPECTED_ADVICE}.` },
    { name: 'undefined', error: undefined, expected: `${CONTEXT} : ${UNEXPECTED_ADVICE}.` }
  ];
  it.each(cases)('$name', ({ error, expected }) => {
    expect(loadFailureMessage(error, CONTEXT)).toBe(expected);
  });

  it('never repeats an English message', () => {
    for (const { error } of cases) {
      if (error instanceof AppDataError || !(error instanceof Error)) continue;
      expect(loadFailureMessage(error, CONTEXT)).not.toContain(error.message);
    }
  });

  it('keeps the call site’s sentence', () => {
    expect(
      loadFailureMessage(
        new TypeError('Failed to fetch'),
        'La liste des communes n’a pas pu être chargée'
      )
    ).toBe(
      'La liste des communes n’a pas pu être chargée : vérifiez la connexion puis rechargez la page.'
    );
  });
});

describe('errors crossing from a worker', () => {
  const context = 'Les diapositives n’ont pas pu être chargées';
  it.each([
    ['a data error', new AppDataError('/x.json', 'valeur invalide', 'figures[0].id')],
    ['a data error without field', new AppDataError('/y.json', 'introuvable (HTTP 404)')],
    ['a network failure', new TypeError('Failed to fetch')],
    ['a library error', new Error('Cannot read properties of undefined')],
    ['a thrown string', 'boom']
  ])('%s reads the same on the page', (_, error) => {
    const copy = errorFromWire(structuredClone(errorToWire(error)));
    expect(loadFailureMessage(copy, context)).toBe(loadFailureMessage(error, context));
    if (error instanceof AppDataError) {
      expect(copy).toBeInstanceOf(AppDataError);
      expect(copy.message).toBe(error.message);
    }
  });
});
