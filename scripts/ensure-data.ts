/**
 * `npm run data:if-missing` (before `dev` and `build`): runs the pipeline only when the outputs are
 * missing or were built for another EPCI or another pipeline version.
 */
import { REPO_ROOT } from './lib/build';
import { epciFromEnv, runPipeline } from './lib/run';
import { rebuildReason } from './lib/stamp';

const reason = rebuildReason(REPO_ROOT, epciFromEnv());
if (reason === null) {
  console.log('Data outputs are up to date (npm run data to rebuild).');
} else {
  console.log(`Building data outputs: ${reason}.`);
  runPipeline().catch((e: unknown) => {
    console.error(`npm run data failed: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  });
}
