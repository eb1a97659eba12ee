import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  AppDataError,
  CONNECTION_ADVICE,
  loadFailureMessage
} from '../../../src/lib/data/app-data-error';
import {
  loadDeckOffThread,
  setWorkerFactory,
  WORKER_TIMEOUT_MS,
  type DeckReply,
  type DeckRequest
} from '../../../src/lib/data/slides-off-thread';
import { slideOf as slide } from '../../fixtures/slides/slide';

const PAGE = 'http://atlas.test/presentation?territoires=38185';

/** The global fetch of page and worker: a table of path → body (404 otherwise), requests kept. */
let files: Record<string, string> = {};
let requests: string[] = [];
let offline = false;
async function fakeFetch(input: RequestInfo | URL): Promise<Response> {
  requests.push(String(input));
  if (offline) throw new TypeError('Failed to fetch');
  const body = files[new URL(String(input), PAGE).pathname];
  return body === undefined
    ? new Response('not found', { status: 404 })
    : new Response(body, { status: 200 });
}

/** The real worker script, run in this process: `self` is its global scope. */
type WorkerScope = {
  onmessage: ((e: MessageEvent<DeckRequest>) => Promise<void>) | null;
  postMessage: (reply: DeckReply) => void;
};
const scope: WorkerScope = { onmessage: null, postMessage: () => undefined };

/** A Worker whose messages go to the real worker script, cloned as postMessage clones them. */
class InProcessWorker {
  onmessage: ((e: MessageEvent<DeckReply>) => void) | null = null;
  onerror: (() => void) | null = null;
  terminated = false;
  postMessage(request: DeckRequest) {
    scope.postMessage = (reply) =>
      this.onmessage?.({ data: structuredClone(reply) } as MessageEvent<DeckReply>);
    void scope.onmessage?.({ data: structuredClone(request) } as MessageEvent<DeckRequest>);
  }
  terminate() {
    this.terminated = true;
  }
}

beforeAll(async () => {
  vi.stubGlobal('self', scope);
  await import('../../../src/lib/data/slides.worker');
});

function setup(worker: () => unknown = () => new InProcessWorker()) {
  files = {};
  requests = [];
  offline = false;
  vi.stubGlobal('fetch', fakeFetch);
  vi.stubGlobal('location', { href: PAGE });
  vi.stubGlobal('Worker', InProcessWorker);
  setWorkerFactory(worker as () => Worker);
}

afterEach(() => {
  vi.useRealTimers();
});

describe('slides loaded in a worker', () => {
  it('gives the slides in order and the map, fetched by the worker against the page', async () => {
    setup();
    files['/b1/presentation/diapositives/38002.json'] = JSON.stringify(slide('38002'));
    files['/b1/presentation/diapositives/38001.json'] = JSON.stringify(slide('38001'));
    const deck = await loadDeckOffThread(['38002', '38001'], '/b1');
    expect(deck.slides.map((s) => s.code)).toEqual(['38002', '38001']);
    expect(deck.slides[0]).toEqual(slide('38002'));
    // No map file: the map's place says so in French, the slides still come.
    expect(deck.geometry.ok).toBe(false);
    if (!deck.geometry.ok) expect(deck.geometry.error).toContain('/b1/geo/svg-overview.json');
    expect(requests).toContain('http://atlas.test/b1/presentation/diapositives/38002.json');
  });

  it('rejects a slide that breaks its contract with the same French error as on the page', async () => {
    setup();
    const bad = { ...slide('38003'), figures: [{ ...slide('38003').figures[0], id: 'inconnu' }] };
    files['/b2/presentation/diapositives/38003.json'] = JSON.stringify(bad);
    const error = await loadDeckOffThread(['38003'], '/b2').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppDataError);
    const data = error as AppDataError;
    expect(data.file).toBe('/b2/presentation/diapositives/38003.json');
    expect(data.field).toBe('figures[0].id');
    expect(data.message).toMatch(/^Fichier \/b2\/presentation\/diapositives\/38003\.json, champ/);
  });

  it('a network failure in the worker reads as one: the connection advice', async () => {
    setup();
    offline = true;
    const error = await loadDeckOffThread(['38004'], '/b3').catch((e: unknown) => e);
    expect(loadFailureMessage(error, 'Les diapositives n’ont pas pu être chargées')).toContain(
      CONNECTION_ADVICE
    );
  });

  it('a worker that cannot run hands the load back to the page, and is dropped', async () => {
    const broken = new InProcessWorker();
    broken.postMessage = () => setTimeout(() => broken.onerror?.());
    setup(() => broken);
    files['/b4/presentation/diapositives/38005.json'] = JSON.stringify(slide('38005'));
    const deck = await loadDeckOffThread(['38005'], '/b4');
    expect(deck.slides.map((s) => s.code)).toEqual(['38005']);
    expect(broken.terminated).toBe(true);
    // Loaded by the page: the path as the page's fetch takes it, not resolved by a worker.
    expect(requests).toContain('/b4/presentation/diapositives/38005.json');
  });

  it('a worker that stays silent: the page loads the slides after the timeout', async () => {
    const silent = new InProcessWorker();
    silent.postMessage = () => undefined;
    setup(() => silent);
    vi.useFakeTimers();
    files['/b5/presentation/diapositives/38006.json'] = JSON.stringify(slide('38006'));
    const pending = loadDeckOffThread(['38006'], '/b5');
    await vi.advanceTimersByTimeAsync(WORKER_TIMEOUT_MS - 1);
    expect(requests).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    vi.useRealTimers();
    expect((await pending).slides.map((s) => s.code)).toEqual(['38006']);
  });

  it('without workers the page loads the slides itself', async () => {
    setup();
    vi.stubGlobal('Worker', undefined);
    setWorkerFactory(() => {
      throw new Error('no worker expected');
    });
    files['/b6/presentation/diapositives/38007.json'] = JSON.stringify(slide('38007'));
    expect((await loadDeckOffThread(['38007'], '/b6')).slides[0]?.code).toBe('38007');
  });
});
