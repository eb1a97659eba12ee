/**
 * Markup drawn with `{@html}` (table rows, map shapes, list cards) is built by pure functions from
 * the same inputs on the server and in the browser. While the page hydrates, building it again
 * only to throw it away costs a slow device tens of milliseconds per block (text formatting and
 * escaping): the browser keeps the prerendered markup instead, and builds its own on the first
 * change of an input.
 *
 * Only components created during the first hydration adopt: the root layout calls
 * `endFirstHydration()` once mounted, and a component created after (client navigation, a panel
 * opened later) always builds its markup. Pages read their URL parameters once mounted, so what
 * hydrates is exactly what was prerendered.
 */

let firstHydration = typeof window !== 'undefined';

/** Called by the root layout once mounted: components created from now on are not hydrating. */
export function endFirstHydration(): void {
  firstHydration = false;
}

/**
 * Runs an island's hydration (components/island): the components it creates adopt their
 * prerendered markup, as during the page's own hydration.
 */
export function adoptPrerendered<T>(hydrate: () => T): T {
  const before = firstHydration;
  firstHydration = true;
  try {
    return hydrate();
  } finally {
    firstHydration = before;
  }
}

/** Same value, or arrays of the same elements (a list filtered again into a new array). */
function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
  return a.every((x, i) => x === b[i]);
}

/**
 * One `{@html}` block. Its `$derived` passes a function reading every input of the markup to
 * `keep(inputs)` (so that a change is seen) and returns `PLACEHOLDER` while it answers true.
 */
export class PrerenderedMarkup {
  /** Svelte's `{@html}` adopts the server's nodes for any non-empty value it did not render. */
  static readonly PLACEHOLDER = ' ';
  /** The inputs of the prerendered markup; null once the block builds its own. */
  #kept: readonly unknown[] | null = null;
  #first = true;
  // Set when the prerendered markup is missing after all (hydration fell back to a client render).
  #missing = $state(false);

  /**
   * True while the prerendered markup still matches: from a first evaluation during the first
   * hydration, until an input differs (`===`, or arrays of the same elements).
   */
  keep(inputs: () => readonly unknown[]): boolean {
    if (this.#missing) {
      this.#kept = null;
      return false;
    }
    // `inputs` is only called while the prerendered markup may still be kept: once the block
    // builds its own, the build itself reads the inputs.
    if (this.#first) {
      this.#first = false;
      if (firstHydration) this.#kept = inputs();
    } else if (this.#kept) {
      const kept = this.#kept;
      if (!inputs().every((x, i) => same(x, kept[i]))) this.#kept = null;
    }
    return this.#kept !== null;
  }

  /**
   * Once mounted (in an `$effect`): if `container` holds no `selector`, the placeholder was drawn
   * instead of adopted markup; the block is then built at once.
   */
  check(container: Element | null | undefined, selector: string): void {
    if (this.#kept && container && !container.querySelector(selector)) this.#missing = true;
  }
}
