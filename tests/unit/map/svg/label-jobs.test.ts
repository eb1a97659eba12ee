/**
 * Name placement through the labels' worker, or on the main thread when the worker cannot serve:
 * the placement is `placeFirstFit`'s either way.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  estimateTextWidth,
  nameAttempts,
  placeFirstFit,
  type NameAnchor,
  type Measure
} from '../../../../src/lib/map/scheme/labels';
import type { LabelJob, LabelReply } from '../../../../src/lib/map/svg/label-jobs';
import { FONT_FAMILY } from '../../../../src/lib/fonts/typography';

// A crowd around (150, 100) and a few names apart: some need callouts, the small ones smaller type.
const anchors: NameAnchor[] = [
  { code: '38185', text: 'Grenoble', x: 150, y: 100, radius: 30, priority: 100 },
  { code: '38421', text: 'Saint-Martin-d’Hères', x: 165, y: 108, radius: 12, priority: 40 },
  { code: '38151', text: 'Échirolles', x: 145, y: 118, radius: 14, priority: 35 },
  { code: '38169', text: 'Fontaine', x: 132, y: 96, radius: 10, priority: 20 },
  { code: '38563', text: 'Seyssinet-Pariset', x: 128, y: 110, radius: 8, priority: 12 },
  { code: '38382', text: 'Le Pont-de-Claix', x: 150, y: 150, radius: 16, priority: 10 },
  { code: '38229', text: 'Meylan', x: 190, y: 80, radius: 18, priority: 15 }
];
const attempts = nameAttempts(anchors, true);
const options = { width: 300, height: 200, callouts: true };
const measure: Measure = (text, font) => estimateTextWidth(text, font) + 1;
const expected = () => placeFirstFit(attempts, { ...options, measure });

/** The labels module afresh: its worker is created once per module. */
async function placeNamesAsync() {
  vi.resetModules();
  return (await import('../../../../src/lib/map/svg/label-jobs')).placeNamesAsync;
}

/** A Worker that fails on its first message (`onerror`), or never answers. */
class FailingWorker {
  static made: FailingWorker[] = [];
  static silent = false;
  onmessage: ((e: MessageEvent<LabelReply>) => void) | null = null;
  onerror: (() => void) | null = null;
  terminated = false;
  constructor() {
    FailingWorker.made.push(this);
  }
  postMessage() {
    if (!FailingWorker.silent) setTimeout(() => this.onerror?.());
  }
  terminate() {
    this.terminated = true;
  }
}

beforeEach(() => {
  FailingWorker.made = [];
  FailingWorker.silent = false;
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('placeNamesAsync', () => {
  it.each([
    { without: 'Worker nor OffscreenCanvas', Worker: undefined, OffscreenCanvas: undefined },
    { without: 'OffscreenCanvas', Worker: FailingWorker, OffscreenCanvas: undefined },
    { without: 'Worker', Worker: undefined, OffscreenCanvas: class {} }
  ])('without $without: placed on the main thread', async (globals) => {
    vi.stubGlobal('Worker', globals.Worker);
    vi.stubGlobal('OffscreenCanvas', globals.OffscreenCanvas);
    const place = await placeNamesAsync();
    // A placement worth comparing: names placed, not an empty result both ways.
    expect(expected().placed.length).toBeGreaterThan(3);
    expect(await place(attempts, options, measure)).toEqual(expected());
    expect(FailingWorker.made).toEqual([]);
  });

  it.each([
    { worker: 'fails', silent: false },
    { worker: 'stays silent', silent: true }
  ])('a worker that $worker: placed on the main thread', async ({ silent }) => {
    vi.stubGlobal('Worker', FailingWorker);
    vi.stubGlobal('OffscreenCanvas', class {});
    FailingWorker.silent = silent;
    const place = await placeNamesAsync();
    vi.useFakeTimers();
    const pending = place(attempts, options, measure);
    // Runs the worker's failure, or its timeout, then the placement on the main thread.
    await vi.runAllTimersAsync();
    expect(await pending).toEqual(expected());
    expect(FailingWorker.made).toHaveLength(1);
    expect(FailingWorker.made[0]!.terminated).toBe(!silent);
  });

  /** The worker's global scope, with a font set unless `fonts` is false, and its worker. */
  function inProcessWorker(withFonts: boolean) {
    const added: { family: string; source: string; weight: string | undefined }[] = [];
    const scope: {
      onmessage: ((e: MessageEvent<LabelJob>) => void) | null;
      postMessage: (reply: LabelReply) => void;
      fonts?: { add: (face: FakeFace) => void };
    } = { onmessage: null, postMessage: () => undefined };
    if (withFonts) scope.fonts = { add: (face) => added.push(face) };
    class FakeFace {
      constructor(
        public family: string,
        public source: string,
        descriptors: { weight?: string }
      ) {
        this.weight = descriptors.weight;
      }
      weight: string | undefined;
      load() {
        return Promise.resolve(this);
      }
    }
    // An OffscreenCanvas measuring as `measure` does.
    class Canvas {
      getContext() {
        const ctx = { font: '', measureText: (t: string) => ({ width: measure(t, ctx.font) }) };
        return ctx;
      }
    }
    class InProcessWorker {
      onmessage: ((e: MessageEvent<LabelReply>) => void) | null = null;
      onerror: (() => void) | null = null;
      postMessage(job: LabelJob) {
        scope.postMessage = (reply) =>
          this.onmessage?.({ data: structuredClone(reply) } as MessageEvent<LabelReply>);
        setTimeout(() =>
          scope.onmessage?.({ data: structuredClone(job) } as MessageEvent<LabelJob>)
        );
      }
      terminate() {}
    }
    vi.stubGlobal('self', scope);
    vi.stubGlobal('FontFace', FakeFace);
    vi.stubGlobal('OffscreenCanvas', Canvas);
    vi.stubGlobal('Worker', InProcessWorker);
    return { added };
  }

  it("a worker that runs: the real worker script loads the page's face, then places the names in its canvas", async () => {
    const { added } = inProcessWorker(true);
    const place = await placeNamesAsync();
    await import('../../../../src/lib/map/svg/labels.worker');
    const onMain: Measure = () => {
      throw new Error('measured on the main thread');
    };
    expect(await place(attempts, options, onMain)).toEqual(expected());
    // The page's file (its URL as the page has it), in its family.
    const { FONT_FILES } = await import('../../../../src/lib/fonts/files');
    expect(added.map((f) => [f.family, f.weight, f.source])).toEqual(
      FONT_FILES.map((f) => [FONT_FAMILY, f.weight, `url(${JSON.stringify(f.url)})`])
    );
    // The variable file, every weight the stylesheets use.
    expect(FONT_FILES.map((f) => [f.weight, f.url])).toEqual([
      ['200 900', expect.stringMatching(/source-sans-3-latin-wght-normal.*\.woff2$/)]
    ]);
  });

  it('a worker without a font set (it would measure another face): placed on the main thread', async () => {
    inProcessWorker(false);
    const place = await placeNamesAsync();
    await import('../../../../src/lib/map/svg/labels.worker');
    let measured = 0;
    const onMain: Measure = (text, font) => {
      measured += 1;
      return measure(text, font);
    };
    expect(await place(attempts, options, onMain)).toEqual(expected());
    expect(measured).toBeGreaterThan(0);
  });
});
