import { prepared } from './prepared';
import { bumpGeneration } from './read-cache';
import { randomInt, randomUUID } from 'node:crypto';
import type { HttpTriggerConfig } from '../../contract/trigger';
import type { Db } from './database';
import { getFunction } from './functions-store';
import { lookupQualifier } from './qualifier';
import { FcError } from '../fc-error';
import { openApiErrors } from '../../contract/openapi-errors';
import { nowIso, pageByName, type Page, type PageRequest } from './paging';

export type StoredTrigger = {
  triggerId: string;
  functionName: string;
  triggerName: string;
  triggerType: 'http';
  qualifier: string;
  description: string;
  triggerConfig: HttpTriggerConfig;
  /** The first DNS label of the trigger's URLs, fixed at creation. */
  urlLabel: string;
  createdTime: string;
  lastModifiedTime: string;
};

export type TriggerInput = {
  triggerName: string;
  qualifier: string;
  description?: string;
  triggerConfig: HttpTriggerConfig;
};
export type TriggerPatch = { qualifier?: string; description?: string; triggerConfig?: HttpTriggerConfig };

type TriggerRow = {
  trigger_id: string;
  function_name: string;
  trigger_name: string;
  trigger_type: 'http';
  qualifier: string;
  description: string;
  trigger_config: string;
  url_label: string;
  created_time: string;
  last_modified_time: string;
};

function fromRow(row: TriggerRow): StoredTrigger {
  return {
    triggerId: row.trigger_id,
    functionName: row.function_name,
    triggerName: row.trigger_name,
    triggerType: row.trigger_type,
    qualifier: row.qualifier,
    description: row.description,
    // Parsed by httpTriggerConfigSchema before it was stored.
    triggerConfig: JSON.parse(row.trigger_config) as HttpTriggerConfig,
    urlLabel: row.url_label,
    createdTime: row.created_time,
    lastModifiedTime: row.last_modified_time,
  };
}

/** DESIGN: the function name lowercased, `_` → `-`, cut to 52, then `-` and 10 random lowercase letters. */
export function newUrlLabel(functionName: string): string {
  let suffix = '';
  for (let i = 0; i < 10; i++) suffix += String.fromCharCode(97 + randomInt(26));
  return `${functionName.toLowerCase().replace(/_/g, '-').slice(0, 52)}-${suffix}`;
}

export function findTrigger(db: Db, functionName: string, triggerName: string): StoredTrigger | undefined {
  const row = db
    .prepare('SELECT * FROM triggers WHERE function_name = ? AND trigger_name = ?')
    .get(functionName, triggerName) as TriggerRow | undefined;
  return row && fromRow(row);
}

export function getTrigger(db: Db, functionName: string, triggerName: string): StoredTrigger {
  getFunction(db, functionName);
  const trigger = findTrigger(db, functionName, triggerName);
  if (!trigger) throw new FcError(...openApiErrors.triggerNotFound(functionName, triggerName));
  return trigger;
}

/** The trigger whose URL starts with this label (case-insensitive, as DNS is). */
export function findTriggerByUrlLabel(db: Db, label: string): StoredTrigger | undefined {
  const row = prepared(db, 'SELECT * FROM triggers WHERE url_label = ?').get(label.toLowerCase()) as
    TriggerRow | undefined;
  return row && fromRow(row);
}

/** One HTTP trigger per function version or alias (seed rule); the qualifier must exist. */
function checkQualifier(db: Db, functionName: string, qualifier: string, triggerName: string) {
  lookupQualifier(db, functionName, qualifier);
  const other = db
    .prepare(
      `SELECT trigger_name FROM triggers WHERE function_name = ? AND qualifier = ? AND trigger_type = 'http' AND trigger_name <> ?`,
    )
    .get(functionName, qualifier, triggerName) as { trigger_name: string } | undefined;
  if (other) throw new FcError(...openApiErrors.qualifierHasTrigger(functionName, qualifier, other.trigger_name));
}

export function createTrigger(db: Db, functionName: string, input: TriggerInput): StoredTrigger {
  return db.transaction(() => {
    getFunction(db, functionName);
    if (findTrigger(db, functionName, input.triggerName))
      throw new FcError(...openApiErrors.triggerAlreadyExists(functionName, input.triggerName));
    checkQualifier(db, functionName, input.qualifier, input.triggerName);
    let label = newUrlLabel(functionName);
    while (findTriggerByUrlLabel(db, label)) label = newUrlLabel(functionName);
    const now = nowIso();
    db.prepare(
      `INSERT INTO triggers (trigger_id, function_name, trigger_name, trigger_type, qualifier, description, trigger_config, url_label, created_time, last_modified_time)
       VALUES (?, ?, ?, 'http', ?, ?, ?, ?, ?, ?)`,
    ).run(
      randomUUID(),
      functionName,
      input.triggerName,
      input.qualifier,
      input.description ?? '',
      JSON.stringify(input.triggerConfig),
      label,
      now,
      now,
    );
    bumpGeneration(db);
    return getTrigger(db, functionName, input.triggerName);
  })();
}

/** The config, when given, replaces the stored one whole (as UpdateTrigger does in FC). */
export function updateTrigger(db: Db, functionName: string, triggerName: string, patch: TriggerPatch): StoredTrigger {
  return db.transaction(() => {
    const current = getTrigger(db, functionName, triggerName);
    const qualifier = patch.qualifier ?? current.qualifier;
    if (qualifier !== current.qualifier) checkQualifier(db, functionName, qualifier, triggerName);
    db.prepare(
      `UPDATE triggers SET qualifier = ?, description = ?, trigger_config = ?, last_modified_time = ?
       WHERE function_name = ? AND trigger_name = ?`,
    ).run(
      qualifier,
      patch.description ?? current.description,
      JSON.stringify(patch.triggerConfig ?? current.triggerConfig),
      nowIso(),
      functionName,
      triggerName,
    );
    bumpGeneration(db);
    return getTrigger(db, functionName, triggerName);
  })();
}

export function listTriggers(db: Db, functionName: string, page: PageRequest): Page<StoredTrigger> {
  getFunction(db, functionName);
  return pageByName(db, { table: 'triggers', nameColumn: 'trigger_name', functionName }, page, fromRow);
}

export function deleteTrigger(db: Db, functionName: string, triggerName: string): void {
  getTrigger(db, functionName, triggerName);
  db.prepare('DELETE FROM triggers WHERE function_name = ? AND trigger_name = ?').run(functionName, triggerName);
  bumpGeneration(db);
}
