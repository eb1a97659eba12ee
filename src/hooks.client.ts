import type { ClientInit } from '@sveltejs/kit';
import { taskBoundary } from '$lib/components/next-task';

/**
 * The app's modules are evaluated in one task, then SvelteKit reads its routes and loads the
 * page's own modules: a task boundary in between keeps each under the long-task mark on a slow
 * device.
 */
export const init: ClientInit = taskBoundary;
