/**
 * `/donnees/indicateurs.csv`: the indicators table for download, written at build time from
 * `static/data/indicators.json` (format documented on /sources#telechargement).
 */
import { loadData } from '$lib/data/app-data';
import { buildIndicatorsCsv } from '$lib/export/indicators-csv';
import type { RequestHandler } from './$types';

export const prerender = true;

export const GET: RequestHandler = async ({ fetch }) => {
  const csv = buildIndicatorsCsv(await loadData(fetch, 'indicators'));
  return new Response(csv, {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': 'attachment; filename="indicateurs.csv"'
    }
  });
};
