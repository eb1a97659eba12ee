/**
 * The messages between the projected window and the presenter view (« Vue présentateur »), over
 * a BroadcastChannel of the same origin (no network: works offline). The projected window owns
 * the state (it paginates at the projector's size) and announces it; either window may ask to
 * move.
 */
import type { SlideData, SlidePage } from './slides';

export const PRESENTATION_CHANNEL = 'atlas-plh:presentation';

/** From the projected window: where it is and what it shows. */
export interface StateMessage {
  type: 'state';
  index: number;
  pages: SlidePage[];
  slides: SlideData[];
  themes: { theme: number; question: string }[];
}

export type PresentationMessage =
  | StateMessage
  /**
   * From the projected window: the sequence asked for could not load (its French message, as
   * the projected window shows it); no slide is presented until a retry succeeds.
   */
  | { type: 'failed'; error: string }
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

/**
 * What the projected window tells the presenter view: the load failure while there is one (its
 * slides are gone), else its state while it shows slides, else nothing (setup screen: the
 * presenter view keeps the last slides, which « Revenir à la présentation » brings back).
 */
export function announcement(
  setup: boolean,
  loadError: string | null,
  state: Omit<StateMessage, 'type'>
): PresentationMessage | null {
  if (loadError !== null) return { type: 'failed', error: loadError };
  return setup ? null : { type: 'state', ...state };
}

/** What the presenter view shows: the projected window's state, or its load failure. */
export interface PresenterView {
  remote: StateMessage | null;
  error: string | null;
}

/** The presenter view after message `m` (a state clears a failure, a failure drops the slides). */
export function presenterReceive(view: PresenterView, m: PresentationMessage): PresenterView {
  if (m.type === 'state') return { remote: m, error: null };
  if (m.type === 'failed') return { remote: null, error: m.error };
  return view;
}
