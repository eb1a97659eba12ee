/**
 * `npm run data:if-missing` (before `dev` and `build`): always checks the workshop base (a
 * rejected or merged row fails the build), then runs the pipeline when the outputs are missing, were
 * built for another EPCI or pipeline version, or a source or parameter file changed since.
 */
import { REPO_ROOT } from './lib/build';
import { epciFromEnv, resolveSourcesDir, runPipeline } from './lib/run';
import { inputsFingerprint, rebuildReason } from './lib/stamp';
import { checkWorkshopCsv } from './lib/workshop-check';

const fail = (e: unknown) => {
  console.error(`npm run data a échoué : ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
};

try {
  const reason = rebuildReason(
    REPO_ROOT,
    epciFromEnv(),
    inputsFingerprint(REPO_ROOT, resolveSourcesDir())
  );
  if (reason === null) {
    checkWorkshopCsv(REPO_ROOT);
    console.log('Les données générées sont à jour (npm run data pour les reconstruire).');
  } else {
    console.log(`Construction des données : ${reason}.`);
    runPipeline().catch(fail);
  }
} catch (e) {
  fail(e);
}
