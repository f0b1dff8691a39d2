import { describe, expect, it } from 'vitest';
import { consoleSettingsSchema } from './console-settings';
import { sandboxStatusAnswerSchema } from './engine-sandbox';
import { functionCreateSchema, functionListSchema, functionSchema, functionUpdateSchema } from './function';

// The first page's answer schemas are written in zod's functional API (`zod/mini`) and embedded in the
// classic create/update schemas: each rule must refuse what it refused before, with its message key.

const fn = {
  functionId: 'id-1',
  functionName: 'hello',
  runtime: 'custom.debian10',
  handler: 'index.handler',
  timeout: 3,
  memorySize: 512,
  codeChecksum: '1',
  codeSize: 10,
  createdTime: '2026-01-01T00:00:00Z',
  lastModifiedTime: '2026-01-01T00:00:00Z',
};
const code = { zipFile: 'UEsFBgAAAAAAAAAAAAAAAAAAAAAAAA==' };
const firstKey = (result: { error?: { issues: Array<{ message: string; path: PropertyKey[] }> } }) =>
  result.error && { path: result.error.issues[0]?.path.join('.'), message: result.error.issues[0]?.message };

describe('the function answer', () => {
  it('reads a function with its nested configs and drops what it does not know', () => {
    const answer = {
      ...fn,
      secretField: 'x',
      customRuntimeConfig: { command: ['./bootstrap'], port: 8080, healthCheckConfig: { periodSeconds: 5 } },
      instanceLifecycleConfig: { initializer: { handler: '', timeout: 3 } },
      customContainerConfig: { image: 'registry/image:1', accelerationType: 'Default' },
    };
    const parsed = functionSchema.parse(answer);
    expect(parsed).not.toHaveProperty('secretField');
    expect(parsed.customContainerConfig).toEqual({ image: 'registry/image:1', accelerationType: 'Default' });
    expect(functionListSchema.parse({ functions: [answer], nextToken: 't' }).functions).toHaveLength(1);
  });

  it.each([
    [{ timeout: '3' }, 'timeout'],
    [{ functionName: undefined }, 'functionName'],
    [{ customRuntimeConfig: { command: [] } }, 'customRuntimeConfig.command'],
    [{ customRuntimeConfig: { command: ['x'], port: 70000 } }, 'customRuntimeConfig.port'],
    [{ customRuntimeConfig: { command: ['x'], healthCheckConfig: { periodSeconds: 1.5 } } }, 'customRuntimeConfig'],
    [{ instanceLifecycleConfig: { initializer: { handler: '../escape.handler' } } }, 'instanceLifecycleConfig'],
    [{ instanceLifecycleConfig: { preStop: { command: Array(65).fill('x') } } }, 'instanceLifecycleConfig'],
    [{ customContainerConfig: { image: '' } }, 'customContainerConfig.image'],
  ])('refuses a function with %j', (change, path) => {
    const result = functionSchema.safeParse({ ...fn, ...change });
    expect(result.success).toBe(false);
    expect(firstKey(result)?.path?.startsWith(path)).toBe(true);
  });

  it('refuses a list that is not one', () => {
    expect(functionListSchema.safeParse({ functions: {} }).success).toBe(false);
    expect(functionListSchema.safeParse({ functions: [fn], nextToken: 1 }).success).toBe(false);
  });
});

describe('the answer configs inside the create and update schemas', () => {
  const create = { functionName: 'hello', runtime: 'custom.debian10', code };

  it.each([
    [{ customRuntimeConfig: { command: [] } }, 'customRuntimeConfig.command', 'function.command.required'],
    [{ customRuntimeConfig: { command: ['x'], port: 0 } }, 'customRuntimeConfig.port', 'function.port.range'],
    [{ customRuntimeConfig: { command: ['x'], port: 1.5 } }, 'customRuntimeConfig.port', 'function.port.range'],
    [
      { instanceLifecycleConfig: { initializer: { handler: '/abs.handler' } } },
      'instanceLifecycleConfig.initializer.handler',
      'function.handler.path',
    ],
    [
      { instanceLifecycleConfig: { initializer: { handler: 'index.init', timeout: 601 } } },
      'instanceLifecycleConfig.initializer.timeout',
      'function.timeout.range',
    ],
  ])('CreateFunction refuses %j with its key', (change, path, message) => {
    expect(firstKey(functionCreateSchema.safeParse({ ...create, ...change }))).toEqual({ path, message });
  });

  it('UpdateFunction takes any subset, the nested configs checked the same', () => {
    expect(functionUpdateSchema.safeParse({}).success).toBe(true);
    expect(functionUpdateSchema.safeParse({ customRuntimeConfig: { command: ['./run'], port: 9000 } }).success).toBe(
      true,
    );
    expect(firstKey(functionUpdateSchema.safeParse({ customContainerConfig: { image: '' } }))).toEqual({
      path: 'customContainerConfig.image',
      message: 'function.image.required',
    });
  });
});

describe('the settings answer', () => {
  const settings = { mode: 'local', region: 'cn-hangzhou', accountId: '1' };

  it('reads the python status of either kind', () => {
    expect(consoleSettingsSchema.parse({ ...settings, python: { found: true, version: '3.11.2' } }).python).toEqual({
      found: true,
      version: '3.11.2',
    });
    expect(consoleSettingsSchema.parse({ ...settings, python: { found: false, reason: 'no python3' } }).python).toEqual(
      {
        found: false,
        reason: 'no python3',
      },
    );
  });

  it.each([
    { mode: 'remote' },
    { functionIsolation: 'maybe' },
    { python: { found: true } },
    { python: { found: true, version: 'x'.repeat(33) } },
  ])('refuses %j', (change) => {
    expect(consoleSettingsSchema.safeParse({ ...settings, ...change }).success).toBe(false);
  });

  it('the engine sandbox answer embeds the same python status', () => {
    const answer = { isolated: true, tool: 'bubblewrap', python: { found: false, reason: 'x'.repeat(501) } };
    expect(sandboxStatusAnswerSchema.safeParse(answer).success).toBe(false);
    expect(sandboxStatusAnswerSchema.safeParse({ ...answer, python: { found: false, reason: 'none' } }).success).toBe(
      true,
    );
  });
});
