import { strToU8, zipSync } from 'fflate';
import type { FunctionCreate, FunctionFromTemplate, FunctionTemplate } from '../../contract/function';
import { customRuntime } from './custom-runtime';
import { nodejsEventHttp } from './nodejs-event-http';
import { nodejsWeb } from './nodejs-web';
import { pythonEventHttp } from './python-event-http';
import { pythonFlask } from './python-flask';

type TemplateSource = {
  runtime: FunctionCreate['runtime'];
  handler: string;
  customRuntimeConfig?: { command: readonly string[]; args: readonly string[]; port: number };
  files: Record<string, string>;
};

const TEMPLATES: Record<FunctionTemplate, TemplateSource> = {
  'nodejs-event-http': nodejsEventHttp,
  'python-event-http': pythonEventHttp,
  'nodejs-web': nodejsWeb,
  'custom-runtime': customRuntime,
  'python-flask': pythonFlask,
};

export function zipBase64(files: Record<string, string>): string {
  const zip = zipSync(Object.fromEntries(Object.entries(files).map(([name, text]) => [name, strToU8(text)])));
  return Buffer.from(zip).toString('base64');
}

/** The Create Function dialog's choice → CreateFunction's input (code as a base64 zip). */
export function functionFromTemplate(input: FunctionFromTemplate): FunctionCreate {
  const source = TEMPLATES[input.template];
  return {
    functionName: input.functionName,
    runtime: source.runtime,
    handler: source.handler,
    code: { zipFile: zipBase64(source.files) },
    ...(source.customRuntimeConfig
      ? {
          customRuntimeConfig: {
            ...source.customRuntimeConfig,
            command: [...source.customRuntimeConfig.command],
            args: [...source.customRuntimeConfig.args],
          },
        }
      : {}),
    ...(input.description !== undefined ? { description: input.description } : {}),
    ...(input.memorySize !== undefined ? { memorySize: input.memorySize } : {}),
    ...(input.timeout !== undefined ? { timeout: input.timeout } : {}),
  };
}
