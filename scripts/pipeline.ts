/**
 * `npm run data`: builds the generated files under static/ for the EPCI `PLH_EPCI` (default
 * Grenoble-Alpes Métropole) from the sources mirror `PLH_SOURCES` (default ../shared/sources when it
 * exists) or the official URLs, then prints a short report. Exit code 1 with the message on error.
 */
import { runPipeline } from './lib/run';

runPipeline().catch((e: unknown) => {
  console.error(`npm run data a échoué : ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
