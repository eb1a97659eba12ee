/** `/sources`: every dataset of data/sources.json, the indicators' methods, the download format. */
import { loadData, loadSources, settle } from '$lib/data/app-data';
import { indicatorsCsvColumns } from '$lib/export/indicators-csv';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ fetch }) => {
  const [indicators, meta] = await Promise.all([
    settle(loadData(fetch, 'indicators')),
    settle(loadData(fetch, 'meta'))
  ]);
  return {
    sources: loadSources().sources,
    definitions: indicators.ok ? indicators.data.definitions : [],
    /** Columns of /donnees/indicateurs.csv (they follow the file's indicators). */
    csvColumns: indicators.ok
      ? indicatorsCsvColumns(indicators.data.definitions, indicators.data.communes).map(
          ({ name, description, indicator }) => ({ name, description, indicator })
        )
      : [],
    params: indicators.ok ? indicators.data.params : null,
    indicatorsError: indicators.ok ? null : indicators.error,
    /** Where each dataset was read from in this build (mirror, official URL, npm package). */
    origins: meta.ok ? meta.data.sources : [],
    gaps: meta.ok ? meta.data.gaps : {}
  };
};
