import { describe, expect, it } from 'vitest';
import { ASYNC_TASK_STATUSES, asyncTaskListQuerySchema } from './async-task';
import { codeDeploySchema } from './function';
import { httpTestRequestSchema } from './invocation';
import { describeIssues, validationMessages } from './validation-messages';

describe('contract messages are keys with English text', () => {
  it('names every async task status in the status message', () => {
    for (const status of ASYNC_TASK_STATUSES) expect(validationMessages['asyncTask.status.invalid']).toContain(status);
    const parsed = asyncTaskListQuerySchema.safeParse({ status: 'Sleeping', limit: '0' });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((issue) => issue.message)).toEqual([
      'asyncTask.status.invalid',
      'list.limit.range',
    ]);
    expect(describeIssues(parsed.error?.issues ?? [])).toBe(
      `status: ${validationMessages['asyncTask.status.invalid']} limit: Limit is a whole number from 1 to 100.`,
    );
  });

  it('reports code deploy and test request rules as keys the SPA translates', () => {
    const deploy = codeDeploySchema.safeParse({
      files: [
        { path: '../x', content: '' },
        { path: '../x', content: '' },
      ],
    });
    expect(deploy.error?.issues.map((issue) => issue.message)).toEqual(
      expect.arrayContaining(['code.path.format', 'code.files.duplicate']),
    );
    const request = httpTestRequestSchema.safeParse({
      kind: 'http',
      method: 'GET',
      path: 'x',
      query: [],
      headers: [{ key: 'bad header', value: '' }],
      bodyType: 'text',
      body: '',
    });
    expect(request.error?.issues.map((issue) => issue.message)).toEqual([
      'testRequest.path.format',
      'testRequest.header.format',
    ]);
    expect(describeIssues(request.error?.issues ?? [])).toBe(
      'path: A path starts with /. headers.0.key: Not a valid header name.',
    );
  });
});
