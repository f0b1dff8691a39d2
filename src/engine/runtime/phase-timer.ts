import type { FunctionSpec } from './types';

/** What an invocation runs: the initializer first (on an instance not yet initialized), then the handler. */
export type Phase = 'initializer' | 'handler';

/** Times an invocation's phases, each against its own timeout; `onTimeout` gets FC's message. */
export class PhaseTimer {
  private timer: NodeJS.Timeout;

  constructor(
    private readonly spec: FunctionSpec,
    private readonly onTimeout: (message: string) => void,
  ) {
    this.timer = this.arm('handler');
  }

  enter(phase: Phase): void {
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
