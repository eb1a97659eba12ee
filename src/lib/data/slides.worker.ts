/**
 * Loads and validates a sequence's slides and map off the page's main thread (see
 * `slides-off-thread.ts`): zod and the schemas are evaluated and run here, never on the page,
 * where they were a 200–300 ms long task under Lighthouse's 4× slowdown. One reply per request.
 */
import { errorToWire } from './app-data-error';
import { loadDeck } from './slides';
import type { DeckReply, DeckRequest } from './slides-off-thread';

self.onmessage = async (e: MessageEvent<DeckRequest>) => {
  const { id, codes, base, page } = e.data;
  // The paths are the page's (`/presentation/diapositives/…`), resolved against it, not against
  // this script's URL.
  const fetchFn: typeof fetch = (input, init) => fetch(new URL(String(input), page), init);
  let reply: DeckReply;
  try {
    reply = { id, ok: true, deck: await loadDeck(fetchFn, codes, base) };
  } catch (error) {
    reply = { id, ok: false, error: errorToWire(error) };
  }
  self.postMessage(reply);
};
