import { z } from 'zod';
import { en, ja } from 'zod/locales';

const locales: Record<string, typeof en> = { en, ja };

/** zod's own messages (a rule the contract gives no key) in the console's language. */
export function speakZodIn(lng: string): void {
  z.config((locales[lng] ?? en)());
}
