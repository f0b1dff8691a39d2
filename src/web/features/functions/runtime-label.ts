import type { TFunction } from 'i18next';

/** "Node.js 20" for nodejs20; an unknown runtime is shown as the API names it. */
export function runtimeLabel(t: TFunction, runtime: string): string {
  return t(`runtimes.${runtime.replace('.', '_')}`, { defaultValue: runtime });
}
