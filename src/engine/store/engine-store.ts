import { codePath, saveCodeZip, type StoredCode } from './code-files';
import { openDatabase, openFollowerDatabase, type Db } from './database';
import { LATEST } from '../../contract/names';
import { findConcurrency } from './concurrency-store';
import { findCustomDomainForHost, type StoredCustomDomain } from './custom-domains-store';
import { resolveQualifier, type ResolvedFunction } from './qualifier';
import { createReadCache } from './read-cache';
import { findTriggerByUrlLabel, type StoredTrigger } from './triggers-store';

/** The engine's data: the database and the code files. The gateway and the runtime read through this. */
export type EngineStore = {
  readonly db: Db;
  readonly dataDir: string;
  /** The trigger whose URL starts with this label; `functionName` says whose it is. */
  findTriggerByUrlLabel(label: string): StoredTrigger | undefined;
  /** The custom domain a request's host name (without its port) reaches, exact names before wildcards. */
  findCustomDomainForHost(hostname: string): StoredCustomDomain | undefined;
  /** The function config a qualifier runs (LATEST, a version id, an alias), with its codeChecksum. */
  resolveQualifier(functionName: string, qualifier?: string): ResolvedFunction | undefined;
  /** `<dataDir>/code/<checksum>.zip`. */
  codePath(checksum: string): string;
  saveCode(zip: Uint8Array): StoredCode;
  close(): void;
};

export type EngineStoreOptions = {
  /**
   * For a gateway process beside the primary: the database must already exist (the primary made
   * and migrated it); it is opened read-only, never migrated, and its lookups' cache forgets what it
   * holds when the primary says config changed (gateways/config-changes.ts). saveCode throws: code
   * is stored through the primary.
   */
  follower?: boolean;
};

export function openEngineStore(dataDir: string, options: EngineStoreOptions = {}): EngineStore {
  const { follower = false } = options;
  const db = follower ? openFollowerDatabase(dataDir) : openDatabase(dataDir);
  const cache = createReadCache(db);
  return {
    db,
    dataDir,
    findTriggerByUrlLabel: (label) =>
      cache.get(`trigger\n${label.toLowerCase()}`, () => findTriggerByUrlLabel(db, label)),
    findCustomDomainForHost: (hostname) =>
      cache.get(`domain\n${hostname.toLowerCase()}`, () => findCustomDomainForHost(db, hostname)),
    resolveQualifier: (functionName, qualifier = LATEST) =>
      cache.get(`function\n${functionName}\n${qualifier}`, () =>
        withInstanceCap(db, resolveQualifier(db, functionName, qualifier)),
      ),
    codePath: (checksum) => codePath(dataDir, checksum),
    saveCode: (zip) => {
      if (follower) throw new Error('A follower store does not write: code is saved by the primary');
      return saveCodeZip(dataDir, zip);
    },
    close: () => db.close(),
  };
}

/** What runs carries the function's reserved concurrency: the instance pool caps its instances by it. */
function withInstanceCap(db: Db, fn: ResolvedFunction | undefined): ResolvedFunction | undefined {
  const reserved = fn && findConcurrency(db, fn.functionName);
  return fn && reserved ? { ...fn, reservedConcurrency: reserved.reservedConcurrency } : fn;
}
