import { i18n } from '../../i18n/i18n';
import en from './locales/en';
import ja from './locales/ja';

/**
 * The tab's texts are a namespace of their own, registered when its code loads: they stay out of the
 * first page's download (the console's initial JavaScript is within 3 KB of its budget).
 */
export const MONITORING_NS = 'monitoring';

for (const [lng, texts] of [
  ['en', en],
  ['ja', ja],
] as const)
  if (!i18n.hasResourceBundle(lng, MONITORING_NS)) i18n.addResourceBundle(lng, MONITORING_NS, texts);
