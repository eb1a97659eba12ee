/**
 * What a visitor did to an island's form controls before it hydrated (a select changed, a box
 * ticked, a field typed into on a slow machine): the controls of the prerendered markup answer
 * natively, but the page's state does not know, and hydration puts the controls back to the
 * state's values. Captured just before the island hydrates and replayed once the page is
 * hydrated and has applied its URL state (the visitor acted after opening the link), as the
 * `input` and `change` events the visitor's action would have sent, so the page applies it.
 */

type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

interface EarlyInput {
  control: Control;
  /** Puts the visitor's value back (hydration has set the state's). */
  restore: () => void;
}

/** Controls that hold no value a visitor chooses, or whose value cannot be set back (files). */
const SKIPPED_TYPES = new Set(['file', 'hidden', 'button', 'submit', 'reset', 'image']);

/**
 * The option a single-choice list shows from its markup: the last one marked `selected`, else
 * (a drop-down) the first one that is not disabled, as the browser picks it.
 */
function initialIndex(select: HTMLSelectElement): number {
  const options = [...select.options];
  let last = -1;
  options.forEach((o, i) => {
    if (o.defaultSelected) last = i;
  });
  if (last >= 0 || select.size > 1) return last;
  return options.findIndex((o) => !o.disabled);
}

function earlyInput(control: Control): EarlyInput | null {
  if (control instanceof HTMLSelectElement) {
    const options = [...control.options];
    const unchanged = control.multiple
      ? options.every((o) => o.selected === o.defaultSelected)
      : control.selectedIndex === initialIndex(control);
    if (unchanged) return null;
    const selected = options.map((o) => o.selected);
    return {
      control,
      restore: () => options.forEach((o, i) => (o.selected = selected[i] ?? false))
    };
  }
  if (
    control instanceof HTMLInputElement &&
    (control.type === 'checkbox' || control.type === 'radio')
  ) {
    if (control.checked === control.defaultChecked) return null;
    // A radio button the visitor left is unchecked by the one they chose: replay that one only.
    if (control.type === 'radio' && !control.checked) return null;
    const checked = control.checked;
    return { control, restore: () => (control.checked = checked) };
  }
  if (control instanceof HTMLInputElement && SKIPPED_TYPES.has(control.type)) return null;
  if (control.value === control.defaultValue) return null;
  const value = control.value;
  return { control, restore: () => (control.value = value) };
}

/**
 * Notes the controls under `root` whose value differs from their markup's, and returns the
 * function that, once the island has hydrated, sets them back and sends their events.
 */
export function captureEarlyInput(root: ParentNode): () => void {
  const found: EarlyInput[] = [];
  for (const control of root.querySelectorAll<Control>('input, select, textarea')) {
    const input = earlyInput(control);
    if (input) found.push(input);
  }
  return () => {
    for (const { control, restore } of found) {
      if (!control.isConnected) continue;
      restore();
      control.dispatchEvent(new Event('input', { bubbles: true }));
      control.dispatchEvent(new Event('change', { bubbles: true }));
    }
  };
}
