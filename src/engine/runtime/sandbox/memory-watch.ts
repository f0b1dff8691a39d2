import { performance } from 'node:perf_hooks';
import { processTree, residentBytes } from './process-tree';

/** Often enough to stop a runaway allocation early, rarely enough to cost nothing measurable. */
const SAMPLE_MS = 150;

/**
 * Stops an instance whose process tree holds more than its memorySize. It samples /proc only
 * while an invocation runs (`begin`/`end` nest), and only on Linux; elsewhere Node.js functions
 * are still bounded by --max-old-space-size. A cgroup would be exact, but needs a delegated
 * hierarchy (systemd) that a local engine cannot count on.
 */
export class MemoryWatch {
  private active = 0;
  /** Since when an invocation has been running without a pause (performance.now() ms). */
  private busySince = 0;
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;

  constructor(
    private readonly rootPid: () => number | undefined,
    private readonly limitBytes: number,
    private readonly onExceeded: (usedBytes: number) => void,
  ) {}

  begin(): void {
    if (this.active++ === 0) this.busySince = performance.now();
    if (this.active > 1 || this.timer || this.stopped || process.platform !== 'linux') return;
    this.timer = setInterval(() => this.sample(), SAMPLE_MS);
    this.timer.unref();
  }

  /**
   * The sampling stops at its next tick if nothing runs then: back-to-back invocations keep one
   * interval, and /proc is read only for what has run for a whole period (short invocations never are).
   */
  end(): void {
    if (this.active > 0) this.active--;
  }

  stop(): void {
    this.stopped = true;
    clearInterval(this.timer);
  }

  private sample(): void {
    if (this.active === 0) {
      clearInterval(this.timer);
      this.timer = undefined;
      return;
    }
    if (performance.now() - this.busySince < SAMPLE_MS) return;
    const pid = this.rootPid();
    if (pid === undefined) return;
    const used = residentBytes(processTree(pid));
    if (used <= this.limitBytes) return;
    this.stop();
    this.onExceeded(used);
  }
}

/** The message FC's out-of-memory answer carries in the local engine: the exit, and why. */
export function outOfMemoryMessage(memorySize: number): string {
  return `Process exited unexpectedly before completing request (out of memory: the function used more than its memorySize of ${memorySize} MB)`;
}
