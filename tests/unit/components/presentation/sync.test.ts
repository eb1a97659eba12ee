import { describe, expect, it } from 'vitest';
import {
  announcement,
  presenterReceive,
  type PresentationMessage,
  type PresenterView,
  type StateMessage
} from '../../../../src/lib/components/presentation/sync';

const FAILURE =
  'Les diapositives n’ont pas pu être chargées. Fichier /presentation/diapositives/38057.json : inaccessible par le réseau ; vérifiez la connexion puis rechargez la page';

const state = {
  index: 1,
  pages: [
    { code: '38185', kind: 'overview' as const },
    { code: '38111', kind: 'overview' as const }
  ],
  slides: [],
  themes: [{ theme: 1, question: 'Quels besoins ?' }]
};
const stateMessage: StateMessage = { type: 'state', ...state };

describe('announcement (projected window → presenter view)', () => {
  const cases: {
    name: string;
    setup: boolean;
    loadError: string | null;
    expected: PresentationMessage | null;
  }[] = [
    { name: 'slides on screen: the state', setup: false, loadError: null, expected: stateMessage },
    {
      name: 'setup screen opened by the presenter: nothing (the last slides stay)',
      setup: true,
      loadError: null,
      expected: null
    },
    {
      name: 'a sequence that failed to load: its message',
      setup: true,
      loadError: FAILURE,
      expected: { type: 'failed', error: FAILURE }
    }
  ];
  for (const c of cases) {
    it(c.name, () => {
      expect(announcement(c.setup, c.loadError, state)).toEqual(c.expected);
    });
  }
});

describe('presenterReceive (presenter view)', () => {
  const empty: PresenterView = { remote: null, error: null };
  const showing: PresenterView = { remote: stateMessage, error: null };
  const failed: PresenterView = { remote: null, error: FAILURE };
  const cases: {
    name: string;
    before: PresenterView;
    message: PresentationMessage;
    after: PresenterView;
  }[] = [
    { name: 'a state is shown', before: empty, message: stateMessage, after: showing },
    {
      name: 'a failure replaces the old slides by the message',
      before: showing,
      message: { type: 'failed', error: FAILURE },
      after: failed
    },
    {
      name: 'a state after a successful retry clears the message',
      before: failed,
      message: stateMessage,
      after: showing
    },
    {
      name: 'moves asked by either window change nothing here',
      before: failed,
      message: { type: 'key', key: 'ArrowRight', shift: false },
      after: failed
    },
    { name: 'hello changes nothing', before: showing, message: { type: 'hello' }, after: showing },
    {
      name: 'goto changes nothing',
      before: showing,
      message: { type: 'goto', index: 0 },
      after: showing
    }
  ];
  for (const c of cases) {
    it(c.name, () => {
      expect(presenterReceive(c.before, c.message)).toEqual(c.after);
    });
  }
});
