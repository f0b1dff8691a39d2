import path from 'node:path';
import { parseConsoleEnv } from '../config';
import { openConsoleStore, type ConsoleStore } from './console-store';

/**
 * The store the routes use: the one given (tests), else `<FC_CONSOLE_DATA>/console.db`, opened on
 * first use so that an app that never tests a function never creates the file.
 */
export function lazyConsoleStore(given?: ConsoleStore): () => ConsoleStore {
  let store = given;
  return () => (store ??= openConsoleStore(path.resolve(parseConsoleEnv().FC_CONSOLE_DATA)));
}
