/**
 * Islands that wait to hydrate until they are needed, not only until the page has hydrated.
 *
 * Hydrating a big island is one long task however it is queued: on a slow phone the workshop
 * items of a sheet or its print-only copy cost 150–350 ms of blocked input each (4× CPU slowdown),
 * for parts a visitor may never scroll to, or only see on paper. Their prerendered markup is
 * already complete and readable; what hydration adds is their behaviour. So:
 * - `visible`: hydrates when the island comes near the viewport, or at once when the visitor
 *   points at it, touches it, focuses it or types in it. These handlers run in the capture phase,
 *   before the event reaches its target: the same gesture's click or key then reaches the
 *   hydrated component, nothing is lost.
 * - `print`: hydrates just before printing (`beforeprint`, or the print media query turning on):
 *   for print-only parts, prerendered as they print.
 * - `static`: never hydrates. For markup with no behaviour to add (a sheet's figures, their
 *   sources and native `<details>`, links the router already follows): hydrating it only
 *   rebuilt what the page shows, 2–22 ms per block on this machine, four times that on
 *   Lighthouse's slow phone. A client-side move to another territory mounts it afresh
 *   (IslandClient), as for any deferred island.
 */

import { nextTask } from '../next-task';

export type IslandDefer = 'visible' | 'print' | 'static';

/** Events that need the island live before they reach their target. */
const INPUT_EVENTS = ['pointerdown', 'pointerover', 'touchstart', 'focusin', 'keydown'] as const;

/** How far outside the viewport an island starts to hydrate: half a screen ahead of a scroll. */
const VISIBLE_MARGIN = '50% 0px 50% 0px';

/**
 * Calls `hydrate` once, when `box`'s island is needed as `when` says; returns a function that
 * forgets it (the page was left first). `box` is the island's `display: contents` box: its
 * element children are what the viewport is watched for.
 */
export function deferIsland(box: HTMLElement, when: IslandDefer, hydrate: () => void): () => void {
  const stops: Array<() => void> = [];
  let done = false;
  const stop = () => {
    done = true;
    for (const s of stops.splice(0)) s();
  };
  const fire = () => {
    if (done) return;
    stop();
    hydrate();
  };
  const listen = (target: EventTarget, type: string, capture = false) => {
    target.addEventListener(type, fire, capture);
    stops.push(() => target.removeEventListener(type, fire, capture));
  };

  // Nothing to wait for: the prerendered markup is the island (forgetting it is a no-op).
  if (when === 'static') return stop;
  if (when === 'print') {
    const media = window.matchMedia('print');
    listen(window, 'beforeprint');
    listen(media, 'change');
    // Already printing (a page opened under print media): at once, in a task of its own.
    if (media.matches) stops.push(nextTask(fire));
    return stop;
  }
  for (const type of INPUT_EVENTS) listen(box, type, true);
  const roots = [...box.children];
  if (roots.length === 0 || typeof IntersectionObserver === 'undefined') {
    // Nothing to watch: hydrate in a task of its own, as an ordinary island.
    stops.push(nextTask(fire));
    return stop;
  }
  const observer = new IntersectionObserver(
    (entries) => {
      if (entries.some((e) => e.isIntersecting)) fire();
    },
    { rootMargin: VISIBLE_MARGIN }
  );
  for (const root of roots) observer.observe(root);
  stops.push(() => observer.disconnect());
  return stop;
}
