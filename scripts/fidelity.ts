import { formatResult } from './fidelity/check';
import { runFidelity } from './fidelity/run';

// npm run fidelity: one line per check, in each client's spelling; non-zero on any failure.
const results = await runFidelity((result) => console.log(formatResult(result)));
const failed = results.filter((r) => !r.ok).length;
console.log(`${results.length - failed} ok, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
