import type { InstanceLifecycleConfig } from '../../contract/function';
import { prepared } from './prepared';
import { bumpGeneration } from './read-cache';
import { randomUUID } from 'node:crypto';
import type { Db } from './database';
import type { StoredCode } from './code-files';
import type { FunctionCloudSettings } from '../../contract/function-cloud-settings';
import { FcError } from '../fc-error';
import { openApiErrors } from '../../contract/openapi-errors';
import { nowIso, pageByName, type Page, type PageRequest } from './paging';

export type CustomRuntimeSettings = { command: string[]; args?: string[]; port?: number };

export type FunctionSettings = {
  runtime: string;
  handler: string;
  description: string;
  timeout: number;
  memorySize: number;
  instanceConcurrency: number;
  environmentVariables: Record<string, string>;
  customRuntimeConfig?: CustomRuntimeSettings;
  instanceLifecycleConfig?: InstanceLifecycleConfig;
  /** A custom-container function's image settings, kept as the client sent them. */
  customContainerConfig?: { image: string } & Record<string, unknown>;
  /** The settings with no local meaning, as the client sent them (absent in data dirs older than them). */
  cloudSettings?: FunctionCloudSettings;
};

/** What runs: the settings and the code. A version's snapshot is one of these. */
export type FunctionConfig = FunctionSettings & { functionName: string; codeChecksum: string; codeSize: number };

export type StoredFunction = FunctionConfig & {
  functionId: string;
  createdTime: string;
  lastModifiedTime: string;
};

type FunctionRow = {
  function_name: string;
  function_id: string;
  config: string;
  code_checksum: string;
  code_size: number;
  created_time: string;
  last_modified_time: string;
};

function fromRow(row: FunctionRow): StoredFunction {
  return {
    ...(JSON.parse(row.config) as FunctionSettings),
    functionName: row.function_name,
    functionId: row.function_id,
    codeChecksum: row.code_checksum,
    codeSize: row.code_size,
    createdTime: row.created_time,
    lastModifiedTime: row.last_modified_time,
  };
}

export function functionNotFound(functionName: string): FcError {
  return new FcError(...openApiErrors.functionNotFound(functionName));
}

export function findFunction(db: Db, functionName: string): StoredFunction | undefined {
  const row = prepared(db, 'SELECT * FROM functions WHERE function_name = ?').get(functionName) as
    FunctionRow | undefined;
  return row && fromRow(row);
}

export function getFunction(db: Db, functionName: string): StoredFunction {
  const fn = findFunction(db, functionName);
  if (!fn) throw functionNotFound(functionName);
  return fn;
}

export function insertFunction(
  db: Db,
  functionName: string,
  settings: FunctionSettings,
  code: StoredCode,
): StoredFunction {
  const now = nowIso();
  const result = db
    .prepare(
      `INSERT INTO functions (function_name, function_id, config, code_checksum, code_size, created_time, last_modified_time)
       VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (function_name) DO NOTHING`,
    )
    .run(functionName, randomUUID(), JSON.stringify(settings), code.checksum, code.size, now, now);
  bumpGeneration(db);
  if (result.changes === 0) throw new FcError(...openApiErrors.functionAlreadyExists(functionName));
  return getFunction(db, functionName);
}

export function updateFunction(
  db: Db,
  functionName: string,
  patch: Partial<FunctionSettings>,
  code?: StoredCode,
): StoredFunction {
  return db.transaction(() => {
    const current = getFunction(db, functionName);
    const next: FunctionSettings = {
      ...settingsOf(current),
      ...patch,
      cloudSettings: { ...current.cloudSettings, ...patch.cloudSettings },
    };
    db.prepare(
      `UPDATE functions SET config = ?, code_checksum = ?, code_size = ?, last_modified_time = ? WHERE function_name = ?`,
    ).run(
      JSON.stringify(next),
      code?.checksum ?? current.codeChecksum,
      code?.size ?? current.codeSize,
      nowIso(),
      functionName,
    );
    bumpGeneration(db);
    return getFunction(db, functionName);
  })();
}

export function listFunctions(db: Db, page: PageRequest): Page<StoredFunction> {
  return pageByName(db, { table: 'functions', nameColumn: 'function_name' }, page, fromRow);
}

/** Deletes the function with its triggers, versions and aliases (ON DELETE CASCADE). */
export function deleteFunction(db: Db, functionName: string): void {
  const result = db.prepare('DELETE FROM functions WHERE function_name = ?').run(functionName);
  bumpGeneration(db);
  if (result.changes === 0) throw functionNotFound(functionName);
}

export function settingsOf(fn: FunctionSettings): FunctionSettings {
  return {
    runtime: fn.runtime,
    handler: fn.handler,
    description: fn.description,
    timeout: fn.timeout,
    memorySize: fn.memorySize,
    instanceConcurrency: fn.instanceConcurrency,
    environmentVariables: fn.environmentVariables,
    ...(fn.customRuntimeConfig ? { customRuntimeConfig: fn.customRuntimeConfig } : {}),
    ...(fn.customContainerConfig ? { customContainerConfig: fn.customContainerConfig } : {}),
    ...(fn.instanceLifecycleConfig ? { instanceLifecycleConfig: fn.instanceLifecycleConfig } : {}),
    ...(fn.cloudSettings ? { cloudSettings: fn.cloudSettings } : {}),
  };
}

/** The function's settings and code as they are now, for a version's snapshot. */
export function functionConfigOf(fn: StoredFunction): FunctionConfig {
  return { ...settingsOf(fn), functionName: fn.functionName, codeChecksum: fn.codeChecksum, codeSize: fn.codeSize };
}
