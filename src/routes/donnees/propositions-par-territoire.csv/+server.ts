/**
 * `/donnees/propositions-par-territoire.csv`: which workshop item applies to which territory and
 * why, written at build time (format documented on /sources#telechargement).
 */
import { loadData } from '$lib/data/app-data';
import { loadBundledWorkshop } from '$lib/data/workshop';
import { buildPropositionsCsv } from '$lib/export/propositions-csv';
import type { RequestHandler } from './$types';

export const prerender = true;

export const GET: RequestHandler = async ({ fetch }) => {
  const [workshop, indicators] = await Promise.all([
    loadBundledWorkshop(),
    loadData(fetch, 'indicators')
  ]);
  const csv = buildPropositionsCsv(workshop.items, [
    ...indicators.communes.map((c) => c.profile),
    ...indicators.qpv.map((q) => q.profile)
  ]);
  return new Response(csv, {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': 'attachment; filename="propositions-par-territoire.csv"'
    }
  });
};
