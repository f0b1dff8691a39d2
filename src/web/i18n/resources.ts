import type { Resource, ResourceLanguage } from 'i18next';

/** Every `locales/<lng>.ts` is a language: adding Japanese is adding `locales/ja.ts`. */
const modules = import.meta.glob<{ default: ResourceLanguage }>('./locales/*.ts', { eager: true });

export const resources: Resource = Object.fromEntries(
  Object.entries(modules).map(([path, module]) => [path.replace(/^.*\/(.+)\.ts$/, '$1'), module.default]),
);

export const supportedLanguages = Object.keys(resources);
