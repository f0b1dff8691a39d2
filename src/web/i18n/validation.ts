import { validationMessages } from '../../contract/validation-messages';

type Nested = { [key: string]: string | Nested };

/** The contract's message keys (`cors.origin.format`) as i18next's nested resources, texts not copied. */
export function nestMessages(messages: Record<string, string>): Nested {
  const root: Nested = {};
  for (const [key, text] of Object.entries(messages)) {
    const parts = key.split('.');
    let node = root;
    parts.slice(0, -1).forEach((part) => {
      const next = node[part];
      if (typeof next === 'object') node = next;
      else node = node[part] = {};
    });
    node[parts[parts.length - 1] as string] = text;
  }
  return root;
}

export const englishValidation = nestMessages(validationMessages);
