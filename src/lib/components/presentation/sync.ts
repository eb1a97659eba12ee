/**
 * The messages between the projected window and the presenter view (« Vue présentateur »), over
 * a BroadcastChannel of the same origin (no network: works offline). The projected window owns
 * the state (it paginates at the projector's size) and announces it; either window may ask to
 * move.
 */
import type { SlideData, SlidePage } from './slides';

export const PRESENTATION_CHANNEL = 'atlas-plh:presentation';

export type PresentationMessage =
  /** From the projected window: where it is and what it shows. */
  | {
      type: 'state';
      index: number;
      pages: SlidePage[];
      slides: SlideData[];
      themes: { theme: number; question: string }[];
    }
  /** From the presenter view: « send me the state ». */
  | { type: 'hello' }
  /** From either window: move by a key of `navigate`, or to a page. */
  | { type: 'key'; key: string; shift: boolean }
  | { type: 'goto'; index: number };

/** Opens the channel, or null where BroadcastChannel does not exist. */
export function openChannel(
  onmessage: (m: PresentationMessage) => void
): { post(m: PresentationMessage): void; close(): void } | null {
  if (typeof BroadcastChannel === 'undefined') return null;
  const channel = new BroadcastChannel(PRESENTATION_CHANNEL);
  channel.onmessage = (e: MessageEvent<PresentationMessage>) => onmessage(e.data);
  return {
    // A snapshot: $state proxies cannot be cloned.
    post: (m) => channel.postMessage(JSON.parse(JSON.stringify(m)) as PresentationMessage),
    close: () => channel.close()
  };
}
