/** Where the language switch remembers the user's choice (read before i18next is loaded, too). */
export const LANGUAGE_STORAGE_KEY = 'fc-console.language';
