import { loadSources } from '../../data/app-data';
import { shortTitle } from '../sheet/sheet-context';

/**
 * Short titles of the datasets of data/sources.json, by id, for the slides' source lines. Called
 * by the server loads (at build time), so the browser neither parses nor validates the manifest.
 */
export function sourceTitles(): Record<string, string> {
  return Object.fromEntries(loadSources().sources.map((s) => [s.id, shortTitle(s.title)]));
}
