import { sourceTitles } from '$lib/components/presentation/source-titles';
import type { PageServerLoad } from './$types';

/** The presenter's view cites the same datasets as the slides, read at build time. */
export const load: PageServerLoad = () => ({ sourceTitles: sourceTitles() });
