import { performance } from 'node:perf_hooks';
import type { FunctionSpec } from './types';

/** What an invocation runs: the initializer first (on an instance not yet initialized), then the handler. */
export type Phase = 'initializer' | 'handler';

/**
 * Times an invocation's phases, each against its own timeout; `onTimeout` gets FC's message. One per
 * instance, reused by each of its invocations (one at a time). Its timer is armed once and left to
 * lapse when an invocation ends in time: the next one only moves the deadline, and the timer, when it
 * fires before it, waits out what is left. A setTimeout and a clearTimeout per request cost the
 * gateway's event loop more than reading the clock (decision 038's addendum).
 */
export class PhaseTimer {
  private timer: NodeJS.Timeout | undefined;
  /** When the armed timer fires (performance.now() ms). */
  private due = 0;
  /** When the running phase times out; 0: nothing is timed. */
  private deadline = 0;
  private entered: Phase | undefined;
  private message = '';
  private readonly fire = () => this.onFire();

  constructor(
    private readonly spec: FunctionSpec,
    private readonly onTimeout: (message: string) => void,
  ) {}

  /** An invocation starts: its handler's clock runs until an initializer is entered. */
  start(): void {
    this.entered = undefined;
    this.arm('handler');
  }

  /**
   * The initializer, then the handler, each once: the runner's channel is also the function's
   * (`process.send`), so a phase entered again, or out of order, keeps the clock running.
   */
  enter(phase: Phase): void {
    if (this.deadline === 0) return;
    const next: Phase | undefined = !this.entered
      ? 'initializer'
      : this.entered === 'initializer'
        ? 'handler'
        : undefined;
    if (phase !== next || (phase === 'initializer' && !this.spec.initializer)) return;
    this.entered = phase;
    this.arm(phase);
  }

  /** The invocation ended: the timer lapses without keeping the process alive. */
  stop(): void {
    this.deadline = 0;
    this.timer?.unref();
  }

  /** The instance is gone: nothing lapses. */
  dispose(): void {
    this.deadline = 0;
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  private arm(phase: Phase): void {
    const { spec } = this;
    const initializing = phase === 'initializer';
    const seconds = initializing ? (spec.initializerTimeoutSeconds ?? spec.timeoutSeconds) : spec.timeoutSeconds;
    this.message = `Function ${initializing ? 'initialization ' : ''}timed out after ${seconds} seconds`;
    const now = performance.now();
    this.deadline = now + seconds * 1000;
    if (this.timer && this.due <= this.deadline) {
      this.timer.ref();
      return;
    }
    clearTimeout(this.timer);
    this.schedule(now, seconds * 1000);
  }

  private schedule(now: number, ms: number): void {
    this.due = now + ms;
    this.timer = setTimeout(this.fire, ms);
  }

  private onFire(): void {
    this.timer = undefined;
    if (this.deadline === 0) return;
    const now = performance.now();
    if (this.deadline > now) return this.schedule(now, Math.ceil(this.deadline - now));
    this.deadline = 0;
    this.onTimeout(this.message);
  }
}
