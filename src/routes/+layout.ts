import { browser } from '$app/environment';
import { taskBoundary } from '$lib/components/next-task';
import type { LayoutLoad } from './$types';

/**
 * The layout's data, built and validated at build time (+layout.server.ts). In the browser, one
 * task boundary before the page mounts: the page's modules and loads run in one task, the
 * hydration in the next (together they made one long task on a slow device).
 */
export const load: LayoutLoad = async ({ data }) => {
  if (browser) await taskBoundary();
  return data;
};
