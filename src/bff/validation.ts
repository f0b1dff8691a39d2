import { zValidator } from '@hono/zod-validator';
import type { ValidationTargets } from 'hono';
import type { z } from 'zod';
import { describeIssues } from '../contract/validation-messages';
import { FcError } from './fc-error';

type Issue = { path: ReadonlyArray<PropertyKey>; message: string };

/** 400 InvalidArgument naming every field, with `fields` (path → message key) for the form. */
export function invalidArgument(issues: ReadonlyArray<Issue>, prefix = ''): FcError {
  const fields: Record<string, string> = {};
  for (const issue of issues) {
    const key = [prefix, ...issue.path.map(String)].filter(Boolean).join('.');
    fields[key] ??= issue.message;
  }
  return new FcError(400, 'InvalidArgument', describeIssues(issues, prefix), undefined, fields);
}

/** zValidator with the contract's error shape; the app's onError renders the thrown FcError. */
export function validate<Target extends keyof ValidationTargets, T extends z.ZodType>(target: Target, schema: T) {
  return zValidator(target, schema, (result) => {
    if (!result.success) throw invalidArgument(result.error.issues);
  });
}
