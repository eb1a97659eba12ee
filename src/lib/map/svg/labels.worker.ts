/**
 * Name placement off the page's main thread: on a slow phone it is the costliest step of a map's
 * first view (50–70 ms of script, one long task). The worker measures text in an
 * `OffscreenCanvas`, in the page's own face, loaded into the worker's font set first.
 */
import { loadFacesInWorker } from '../../fonts/worker';
import { placeFirstFit } from '../scheme/labels';
import type { LabelJob, LabelReply } from './label-jobs';

const ctx = new OffscreenCanvas(1, 1).getContext('2d');
const widths = new Map<string, number>();
// Once per worker, with the first job's files (the page's URLs, which it preloads).
let facesLoaded: Promise<boolean> | null = null;

function measure(text: string, font: string): number {
  const key = `${font}|${text}`;
  let w = widths.get(key);
  if (w === undefined && ctx) {
    ctx.font = font;
    w = ctx.measureText(text).width;
    widths.set(key, w);
  }
  return w ?? 0;
}

self.onmessage = async (e: MessageEvent<LabelJob>) => {
  const { id, attempts, options, fonts } = e.data;
  facesLoaded ??= loadFacesInWorker(self as unknown as { fonts?: FontFaceSet }, fonts);
  // Without the face, widths would be another font's: the page places the names itself.
  const placement = (await facesLoaded) ? placeFirstFit(attempts, { ...options, measure }) : null;
  const reply: LabelReply = { id, placement };
  self.postMessage(reply);
};
