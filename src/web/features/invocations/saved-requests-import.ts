import {
  savedTestRequestSchema,
  TEST_REQUESTS_IMPORT_MAX_BYTES,
  testRequestsExportSchema,
  type TestRequestsExport,
} from '../../../contract/invocation';

type Issue = { path: string; message: string };
/** Why a file cannot be imported; nothing of it is. */
export type ImportProblem = { kind: 'tooLarge' } | { kind: 'notJson' } | { kind: 'invalid'; issues: Issue[] };
export type ImportFile =
  { ok: true; requests: TestRequestsExport['testRequests'] } | { ok: false; problem: ImportProblem };

const NAME_MAX = savedTestRequestSchema.shape.name.maxLength ?? 64;

// FileReader rather than Blob.text(): the same in every browser and in the tests' jsdom.
function readText(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error('unreadable'));
    reader.readAsText(file);
  });
}

/** A file Export JSON wrote, bounded before it is read and parsed by the export's schema. */
export async function readImportFile(file: Blob): Promise<ImportFile> {
  if (file.size > TEST_REQUESTS_IMPORT_MAX_BYTES) return { ok: false, problem: { kind: 'tooLarge' } };
  let json: unknown;
  try {
    json = JSON.parse(await readText(file));
  } catch {
    return { ok: false, problem: { kind: 'notJson' } };
  }
  const parsed = testRequestsExportSchema.safeParse(json);
  if (parsed.success) return { ok: true, requests: parsed.data.testRequests };
  const issues = parsed.error.issues.slice(0, 5).map((issue) => ({
    path: issue.path.map(String).join('.'),
    message: issue.message,
  }));
  return { ok: false, problem: { kind: 'invalid', issues } };
}

/** `name`, or `name (2)`, `name (3)` … the first not in `taken`, cut to fit the name's limit. */
export function freeName(name: string, taken: ReadonlySet<string>): string {
  if (!taken.has(name)) return name;
  for (let n = 2; ; n += 1) {
    const suffix = ` (${n})`;
    const candidate = `${name.slice(0, NAME_MAX - suffix.length).trimEnd()}${suffix}`;
    if (!taken.has(candidate)) return candidate;
  }
}
