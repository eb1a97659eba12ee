import { unpackIndicators } from '$lib/data/values-pack';
import type { PageLoad } from './$types';

/** The indicator values come packed in the page (a third of the size): unpacked before use. */
export const load: PageLoad = ({ data }) => ({
  ...data,
  indicators: data.indicators.ok
    ? { ok: true as const, data: unpackIndicators(data.indicators.data) }
    : data.indicators
});
