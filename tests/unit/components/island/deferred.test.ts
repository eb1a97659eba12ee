import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { deferIsland } from '$lib/components/island/deferred';

/** The print media query: an event target whose `matches` the test sets. */
class FakeMedia extends EventTarget {
  matches = false;
}

/** IntersectionObserver stand-in: the test says which watched element comes into view. */
class FakeObserver {
  static all: FakeObserver[] = [];
  watched: object[] = [];
  disconnected = false;
  constructor(
    readonly callback: (entries: Array<{ isIntersecting: boolean; target: object }>) => void,
    readonly options: { rootMargin?: string }
  ) {
    FakeObserver.all.push(this);
  }
  observe(el: object) {
    this.watched.push(el);
  }
  disconnect() {
    this.disconnected = true;
  }
  show(el: object, isIntersecting = true) {
    if (!this.disconnected) this.callback([{ isIntersecting, target: el }]);
  }
}

/** An island's `display: contents` box: an event target with the prerendered elements. */
function fakeBox(children: object[]): HTMLElement {
  return Object.assign(new EventTarget(), { children }) as unknown as HTMLElement;
}

let media: FakeMedia;

beforeEach(() => {
  vi.useFakeTimers();
  media = new FakeMedia();
  const win = Object.assign(new EventTarget(), { matchMedia: () => media });
  vi.stubGlobal('window', win);
  vi.stubGlobal('IntersectionObserver', FakeObserver);
  FakeObserver.all = [];
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('deferIsland « visible »', () => {
  it('hydrates once, when one of its elements nears the viewport, then stops watching', () => {
    const a = {};
    const b = {};
    const hydrate = vi.fn();
    deferIsland(fakeBox([a, b]), 'visible', hydrate);
    const io = FakeObserver.all[0]!;
    expect(io.watched).toEqual([a, b]);
    expect(io.options.rootMargin).toMatch(/%/);
    io.show(a, false);
    vi.runAllTimers();
    expect(hydrate).not.toHaveBeenCalled();
    io.show(b);
    expect(hydrate).toHaveBeenCalledTimes(1);
    expect(io.disconnected).toBe(true);
  });

  it.each(['pointerdown', 'pointerover', 'touchstart', 'focusin', 'keydown'])(
    'hydrates synchronously on %s inside it, before the event goes on to its target',
    (type) => {
      const box = fakeBox([{}]);
      const order: string[] = [];
      deferIsland(box, 'visible', () => order.push('hydrate'));
      box.addEventListener(type, () => order.push('target'));
      box.dispatchEvent(new Event(type));
      box.dispatchEvent(new Event(type));
      expect(order).toEqual(['hydrate', 'target', 'target']);
    }
  );

  it('ignores printing and events outside it', () => {
    const hydrate = vi.fn();
    deferIsland(fakeBox([{}]), 'visible', hydrate);
    window.dispatchEvent(new Event('beforeprint'));
    window.dispatchEvent(new Event('pointerdown'));
    vi.runAllTimers();
    expect(hydrate).not.toHaveBeenCalled();
  });

  it('with nothing to watch, hydrates in a later task', () => {
    const hydrate = vi.fn();
    deferIsland(fakeBox([]), 'visible', hydrate);
    expect(hydrate).not.toHaveBeenCalled();
    vi.runAllTimers();
    expect(hydrate).toHaveBeenCalledTimes(1);
  });

  it('never hydrates once forgotten (the page was left)', () => {
    const box = fakeBox([{}]);
    const hydrate = vi.fn();
    const forget = deferIsland(box, 'visible', hydrate);
    forget();
    FakeObserver.all[0]!.show({});
    box.dispatchEvent(new Event('pointerdown'));
    expect(hydrate).not.toHaveBeenCalled();
  });
});

describe('deferIsland « print »', () => {
  it('hydrates on beforeprint, synchronously, once, and never while on screen', () => {
    const box = fakeBox([{}]);
    const hydrate = vi.fn();
    deferIsland(box, 'print', hydrate);
    box.dispatchEvent(new Event('pointerdown'));
    vi.runAllTimers();
    expect(FakeObserver.all).toEqual([]);
    expect(hydrate).not.toHaveBeenCalled();
    window.dispatchEvent(new Event('beforeprint'));
    expect(hydrate).toHaveBeenCalledTimes(1);
    window.dispatchEvent(new Event('beforeprint'));
    media.dispatchEvent(new Event('change'));
    expect(hydrate).toHaveBeenCalledTimes(1);
  });

  it('hydrates when the print media query turns on (print emulation, no beforeprint)', () => {
    const hydrate = vi.fn();
    deferIsland(fakeBox([{}]), 'print', hydrate);
    media.matches = true;
    media.dispatchEvent(new Event('change'));
    expect(hydrate).toHaveBeenCalledTimes(1);
  });

  it('opened under print media: hydrates in a later task', () => {
    media.matches = true;
    const hydrate = vi.fn();
    deferIsland(fakeBox([{}]), 'print', hydrate);
    expect(hydrate).not.toHaveBeenCalled();
    vi.runAllTimers();
    expect(hydrate).toHaveBeenCalledTimes(1);
  });

  it('forgotten before printing: never hydrates', () => {
    const hydrate = vi.fn();
    deferIsland(fakeBox([{}]), 'print', hydrate)();
    window.dispatchEvent(new Event('beforeprint'));
    expect(hydrate).not.toHaveBeenCalled();
  });
});

describe('deferIsland « static »', () => {
  it('never hydrates: not on input, not in view, not when printing, not later', () => {
    const box = fakeBox([{}]);
    const hydrate = vi.fn();
    const forget = deferIsland(box, 'static', hydrate);
    expect(FakeObserver.all).toEqual([]);
    for (const type of ['pointerdown', 'pointerover', 'touchstart', 'focusin', 'keydown'])
      box.dispatchEvent(new Event(type));
    window.dispatchEvent(new Event('beforeprint'));
    media.matches = true;
    media.dispatchEvent(new Event('change'));
    vi.runAllTimers();
    forget();
    expect(hydrate).not.toHaveBeenCalled();
  });

  it('with nothing prerendered either (the island mounts instead: IslandClient)', () => {
    const hydrate = vi.fn();
    deferIsland(fakeBox([]), 'static', hydrate);
    vi.runAllTimers();
    expect(hydrate).not.toHaveBeenCalled();
  });
});
