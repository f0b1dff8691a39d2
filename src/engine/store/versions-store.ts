import { prepared } from './prepared';
import { bumpGeneration } from './read-cache';
import type { Db } from './database';
import { functionConfigOf, getFunction, type FunctionConfig } from './functions-store';
import { FcError } from '../fc-error';
import { openApiErrors } from '../../contract/openapi-errors';
import { nowIso, toPage, type Page } from './paging';

export type StoredVersion = {
  functionName: string;
  /** A positive integer rendered as a string, as the OpenAPI names it. */
  versionId: string;
  description: string;
  /** The function's settings and code at publish time. */
  snapshot: FunctionConfig;
  createdTime: string;
  lastModifiedTime: string;
};

type VersionRow = {
  function_name: string;
  version_id: number;
  description: string;
  snapshot: string;
  created_time: string;
  last_modified_time: string;
};

function fromRow(row: VersionRow): StoredVersion {
  return {
    functionName: row.function_name,
    versionId: String(row.version_id),
    description: row.description,
    snapshot: JSON.parse(row.snapshot) as FunctionConfig,
    createdTime: row.created_time,
    lastModifiedTime: row.last_modified_time,
  };
}

export function findVersion(db: Db, functionName: string, versionId: string): StoredVersion | undefined {
  if (!/^[1-9][0-9]{0,15}$/.test(versionId)) return undefined;
  const row = prepared(db, 'SELECT * FROM versions WHERE function_name = ? AND version_id = ?').get(
    functionName,
    Number(versionId),
  ) as VersionRow | undefined;
  return row && fromRow(row);
}

export function getVersion(db: Db, functionName: string, versionId: string): StoredVersion {
  getFunction(db, functionName);
  const version = findVersion(db, functionName, versionId);
  if (!version) throw new FcError(...openApiErrors.versionNotFound(functionName, versionId));
  return version;
}

/** Version ids only grow: a deleted version's id is never given again, as in FC. */
export function publishVersion(db: Db, functionName: string, description: string): StoredVersion {
  return db.transaction(() => {
    const fn = getFunction(db, functionName);
    const { last_version_id: last } = db
      .prepare('SELECT last_version_id FROM functions WHERE function_name = ?')
      .get(functionName) as { last_version_id: number };
    const versionId = last + 1;
    const now = nowIso();
    db.prepare('UPDATE functions SET last_version_id = ? WHERE function_name = ?').run(versionId, functionName);
    db.prepare(
      `INSERT INTO versions (function_name, version_id, description, snapshot, created_time, last_modified_time)
       VALUES (?, ?, ?, ?, ?, ?)`,
    ).run(functionName, versionId, description, JSON.stringify(functionConfigOf(fn)), now, now);
    bumpGeneration(db);
    return getVersion(db, functionName, String(versionId));
  })();
}

export type VersionPageRequest = { limit: number; nextToken?: string; direction: 'FORWARD' | 'BACKWARD' };

/** BACKWARD (newest first) is FC's default order. */
export function listVersions(db: Db, functionName: string, page: VersionPageRequest): Page<StoredVersion> {
  getFunction(db, functionName);
  const forward = page.direction === 'FORWARD';
  const start =
    page.nextToken && /^[0-9]+$/.test(page.nextToken) ? Number(page.nextToken) : forward ? 0 : Number.MAX_SAFE_INTEGER;
  const rows = db
    .prepare(
      `SELECT * FROM versions WHERE function_name = ? AND version_id ${forward ? '>=' : '<='} ?
       ORDER BY version_id ${forward ? 'ASC' : 'DESC'} LIMIT ?`,
    )
    .all(functionName, start, page.limit + 1) as VersionRow[];
  return toPage(rows.map(fromRow), page.limit, (v) => v.versionId);
}

/** A version that an alias routes to, or that a trigger is bound to, cannot be deleted. */
export function deleteVersion(db: Db, functionName: string, versionId: string): void {
  db.transaction(() => {
    getVersion(db, functionName, versionId);
    const aliases = db
      .prepare('SELECT alias_name, version_id, additional_version_weight FROM aliases WHERE function_name = ?')
      .all(functionName) as Array<{ alias_name: string; version_id: number; additional_version_weight: string }>;
    const usedBy = aliases.find(
      (a) => String(a.version_id) === versionId || versionId in (JSON.parse(a.additional_version_weight) as object),
    );
    if (usedBy) throw new FcError(...openApiErrors.versionUsedByAlias(versionId, usedBy.alias_name));
    const trigger = db
      .prepare('SELECT trigger_name FROM triggers WHERE function_name = ? AND qualifier = ?')
      .get(functionName, versionId) as { trigger_name: string } | undefined;
    if (trigger) throw new FcError(...openApiErrors.versionUsedByTrigger(versionId, trigger.trigger_name));
    db.prepare('DELETE FROM versions WHERE function_name = ? AND version_id = ?').run(functionName, Number(versionId));
    bumpGeneration(db);
  })();
}
