/**
 * What an invocation is told when its caller stops waiting: the part of AbortSignal the pool and
 * the instances use. An AbortSignal is one; so is `HangUp`, which the gateway makes per request.
 */
export type HangUpSignal = {
  readonly aborted: boolean;
  addEventListener(type: 'abort', listener: () => void, options?: { once?: boolean }): void;
  removeEventListener(type: 'abort', listener: () => void): void;
};

/**
 * A hang-up for one request. An AbortController and its listener cost the gateway about ten
 * microseconds per request (measured); this costs a field and an array.
 */
export class HangUp implements HangUpSignal {
  aborted = false;
  private listeners: Array<() => void> = [];

  addEventListener(_type: 'abort', listener: () => void): void {
    if (!this.aborted) this.listeners.push(listener);
  }

  removeEventListener(_type: 'abort', listener: () => void): void {
    const index = this.listeners.indexOf(listener);
    if (index >= 0) this.listeners.splice(index, 1);
  }

  abort(): void {
    if (this.aborted) return;
    this.aborted = true;
    for (const listener of this.listeners.splice(0)) listener();
  }
}
