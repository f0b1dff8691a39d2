/**
 * The longest name of a function, trigger or alias, and so the longest name prefix worth searching.
 * Apart from names.ts (its schemas): the function list's search box needs it without zod.
 */
export const RESOURCE_NAME_MAX = 128;
