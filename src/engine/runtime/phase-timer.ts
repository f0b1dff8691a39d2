import type { FunctionSpec } from './types';

/** What an invocation runs: the initializer first (on an instance not yet initialized), then the handler. */
export type Phase = 'initializer' | 'handler';

/** Times an invocation's phases, each against its own timeout; `onTimeout` gets FC's message. */
export class PhaseTimer {
  private timer: NodeJS.Timeout;
  private entered: Phase | undefined;

  constructor(
    private readonly spec: FunctionSpec,
    private readonly onTimeout: (message: string) => void,
  ) {
    this.timer = this.arm('handler');
  }

  /**
   * The initializer, then the handler, each once: the runner's channel is also the function's
   * (`process.send`), so a phase entered again, or out of order, keeps the clock running.
   */
  enter(phase: Phase): void {
    const next: Phase | undefined = !this.entered
      ? 'initializer'
      : this.entered === 'initializer'
        ? 'handler'
        : undefined;
    if (phase !== next || (phase === 'initializer' && !this.spec.initializer)) return;
    this.entered = phase;
    clearTimeout(this.timer);
    this.timer = this.arm(phase);
  }

  stop(): void {
    clearTimeout(this.timer);
  }

  private arm(phase: Phase): NodeJS.Timeout {
    const { spec } = this;
    const initializing = phase === 'initializer';
    const seconds = initializing ? (spec.initializerTimeoutSeconds ?? spec.timeoutSeconds) : spec.timeoutSeconds;
    const message = `Function ${initializing ? 'initialization ' : ''}timed out after ${seconds} seconds`;
    return setTimeout(() => this.onTimeout(message), seconds * 1000);
  }
}
