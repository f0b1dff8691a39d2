/**
 * Ends the current task and resumes in a new one: a browser can paint and answer a tap in between,
 * and no single task of the console's start is long (Lighthouse's total blocking time counts each
 * task's time over 50 ms).
 */
export function yieldToMain(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (scheduler?.yield) return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}
