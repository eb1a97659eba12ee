/**
 * Resolves in a later task (a macrotask), so the browser may paint and handle input before what
 * follows. SvelteKit starts a page in a few long tasks (its runtime, the page's modules and
 * loads, the hydration); each `await nextTask()` at a seam it offers (the client `init` hook, a
 * universal `load`) cuts one of them in two. On the server it resolves at once.
 */
export function nextTask(): Promise<void> {
  if (typeof window === 'undefined') return Promise.resolve();
  return new Promise((resolve) => setTimeout(resolve, 0));
}
