// `npm run fuzz`: a bounded, seeded stream of malformed requests to the gateway, the OpenAPI and the
// console API of a fresh stack. Exits non-zero on a crash, a 5xx for bad input, or a stack that
// stopped serving. Replay one request with `--seed S --only N`.
import { randomInt } from 'node:crypto';
import { parseArgs } from 'node:util';
import { runFuzz } from './fuzz';
import { failed, formatReport } from './report';

const usage =
  'usage: npm run fuzz -- [--seed N] [--count N per surface] [--time-limit S] [--timeout MS] [--only ID[,ID…]] [--verbose]';

function integer(name: string, text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!Number.isSafeInteger(value) || value < 0) throw new Error(`--${name} takes a whole number, not "${text}"`);
  return value;
}

async function main() {
  const { values } = parseArgs({
    options: {
      seed: { type: 'string' },
      count: { type: 'string' },
      'time-limit': { type: 'string' },
      timeout: { type: 'string' },
      only: { type: 'string' },
      verbose: { type: 'boolean', short: 'v' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return console.log(usage);
  const result = await runFuzz({
    seed: integer('seed', values.seed, randomInt(1, 1_000_000)),
    count: integer('count', values.count, 150),
    timeLimitS: integer('time-limit', values['time-limit'], 45),
    requestTimeoutMs: integer('timeout', values.timeout, 5000),
    only: values.only?.split(',').map((id) => integer('only', id.trim(), 0)),
    log: (line) => process.stderr.write(`${line}\n`),
    verbose: values.verbose,
  });
  console.log(formatReport(result));
  process.exitCode = failed(result) ? 1 : 0;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(2);
});
