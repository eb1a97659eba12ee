/**
 * An element shown over the whole page (the explorer's in-page full-screen map) behaves as a
 * modal layer: the page under it neither scrolls (no page scrollbar at the screen's edge, no wheel
 * scrolling hidden content) nor takes the keyboard focus (Tab would otherwise walk through links
 * hidden under the map), and Escape leaves it.
 */

/** Class set on `<html>` while a modal layer is shown (app.css: the page does not scroll). */
export const MODAL_LAYER_CLASS = 'modal-layer-open';

/**
 * Makes everything outside `el` inert (each sibling of `el` and of its ancestors, up to `<body>`),
 * stops the page from scrolling, and calls `onescape` on Escape. Returns the undo, which gives back
 * exactly what it took: elements that were already inert stay inert. Live regions are left alone,
 * so that announcements made meanwhile are still read.
 */
export function openModalLayer(el: HTMLElement, onescape: () => void): () => void {
  const doc = el.ownerDocument;
  const made: HTMLElement[] = [];
  for (let node: HTMLElement | null = el; node && node !== doc.body; node = node.parentElement) {
    for (const sibling of node.parentElement?.children ?? []) {
      if (sibling === node || !(sibling instanceof HTMLElement)) continue;
      if (sibling.inert || sibling.hasAttribute('aria-live') || sibling.tagName === 'SCRIPT')
        continue;
      sibling.inert = true;
      made.push(sibling);
    }
  }
  const root = doc.documentElement;
  const hadClass = root.classList.contains(MODAL_LAYER_CLASS);
  root.classList.add(MODAL_LAYER_CLASS);
  const onkey = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && !event.defaultPrevented) {
      event.preventDefault();
      onescape();
    }
  };
  doc.addEventListener('keydown', onkey);
  return () => {
    doc.removeEventListener('keydown', onkey);
    if (!hadClass) root.classList.remove(MODAL_LAYER_CLASS);
    for (const sibling of made) sibling.inert = false;
  };
}
