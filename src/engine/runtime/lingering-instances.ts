import type { Instance } from './types';

/** Retired instances of one function still running their preStop hook; past it the oldest is killed. */
export const LINGERING_PER_FUNCTION_MAX = 2;

export type LingeringInstances = {
  /** Retires the instance (its preStop hook first, when it has one), or kills it when it has none. */
  reclaim(instance: Instance, functionName: string): void;
  killAll(): void;
};

/**
 * A retired instance runs its preStop hook outside the pool's count for up to the hook's timeout
 * (600 s): past {@link LINGERING_PER_FUNCTION_MAX} per function the oldest is killed, so deploys in a
 * row cannot pile up processes.
 */
export function lingeringInstances(): LingeringInstances {
  const byFunction = new Map<string, Instance[]>();
  return {
    reclaim(instance, functionName) {
      if (!instance.retire) return instance.kill();
      const lingering = byFunction.get(functionName) ?? [];
      byFunction.set(functionName, lingering);
      lingering.push(instance);
      instance.onExit(() => {
        const index = lingering.indexOf(instance);
        if (index >= 0) lingering.splice(index, 1);
        if (lingering.length === 0 && byFunction.get(functionName) === lingering) byFunction.delete(functionName);
      });
      instance.retire();
      while (lingering.length > LINGERING_PER_FUNCTION_MAX) lingering.shift()!.kill();
    },
    killAll() {
      for (const lingering of byFunction.values()) for (const instance of lingering) instance.kill();
    },
  };
}
