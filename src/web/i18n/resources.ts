import type { ResourceLanguage } from 'i18next';
import english from './locales/en';

/**
 * Every `locales/<lng>.ts` is a language. English ships in the first download; each other
 * language is a chunk of its own, fetched when it is chosen, so one language costs the others nothing.
 */
const others = import.meta.glob<{ default: ResourceLanguage }>(['./locales/*.ts', '!./locales/en.ts']);
const loaders = Object.fromEntries(
  Object.entries(others).map(([path, load]) => [path.replace(/^.*\/(.+)\.ts$/, '$1'), load]),
);

export const fallbackLanguage = 'en';
export const bundledResources = { en: english };
export const supportedLanguages = [fallbackLanguage, ...Object.keys(loaders).sort()];

/** A language's resources: English at once, another after its chunk arrives. */
export async function loadResources(lng: string): Promise<ResourceLanguage | undefined> {
  if (lng === fallbackLanguage) return english;
  return (await loaders[lng]?.())?.default;
}
