/**
 * Name placement off the page's main thread: on a slow phone it is the costliest step of a map's
 * first view (50–70 ms of script, one long task). The worker measures text in an
 * `OffscreenCanvas`, with the same system font stack as the page.
 */
import { placeFirstFit } from '../scheme/labels';
import type { LabelJob, LabelReply } from './label-jobs';

const ctx = new OffscreenCanvas(1, 1).getContext('2d');
const widths = new Map<string, number>();

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

self.onmessage = (e: MessageEvent<LabelJob>) => {
  const { id, attempts, options } = e.data;
  const reply: LabelReply = { id, placement: placeFirstFit(attempts, { ...options, measure }) };
  self.postMessage(reply);
};
