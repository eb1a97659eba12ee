/**
 * Runs `run` in a task of its own, after the current one (the browser may paint and answer input
 * in between); returns a function that cancels it (a component destroyed first).
 */
export function nextTask(run: () => void): () => void {
  const timer = setTimeout(run, 0);
  return () => clearTimeout(timer);
}

/**
 * Resolves in a task of its own, for a seam SvelteKit's start awaits (the client `init` hook, a
 * universal `load`): each cuts one of its long tasks in two.
 */
export function taskBoundary(): Promise<void> {
  return new Promise((resolve) => void nextTask(resolve));
}
