import { z } from 'zod';
import { FcError } from '../fc-error';
import type { Db } from './database';
import { getFunction } from './functions-store';

const rowSchema = z.object({ vpc_id: z.string() });

/** The VPCs allowed to call the function's internal endpoint: stored and listed; locally nothing is closed off. */
export function listVpcBindings(db: Db, functionName: string): string[] {
  getFunction(db, functionName);
  return db
    .prepare('SELECT vpc_id FROM vpc_bindings WHERE function_name = ? ORDER BY vpc_id')
    .all(functionName)
    .map((row) => rowSchema.parse(row).vpc_id);
}

/** Binding a VPC that is already bound changes nothing. */
export function createVpcBinding(db: Db, functionName: string, vpcId: string): void {
  getFunction(db, functionName);
  db.prepare('INSERT INTO vpc_bindings (function_name, vpc_id) VALUES (?, ?) ON CONFLICT DO NOTHING').run(
    functionName,
    vpcId,
  );
}

export function deleteVpcBinding(db: Db, functionName: string, vpcId: string): void {
  getFunction(db, functionName);
  const result = db.prepare('DELETE FROM vpc_bindings WHERE function_name = ? AND vpc_id = ?').run(functionName, vpcId);
  if (result.changes === 0)
    throw new FcError('VpcBindingNotFound', `VPC "${vpcId}" is not bound to function "${functionName}"`);
}
