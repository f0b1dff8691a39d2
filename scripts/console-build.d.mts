export function staleReason(root: string): string | undefined;
export function ensureConsoleBuilt(root: string, options?: { log?: (line: string) => void }): boolean;
