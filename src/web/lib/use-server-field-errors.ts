import { useEffect } from 'react';
import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import { isApiError } from './api-client';

/** A 400 from the bff names the fields it refused (`fields`): show each under its field. */
export function useServerFieldErrors<T extends FieldValues>(error: unknown, setError: UseFormSetError<T>): void {
  useEffect(() => {
    if (!isApiError(error) || !error.fields) return;
    for (const [path, message] of Object.entries(error.fields)) {
      setError(path as Path<T>, { type: 'server', message });
    }
  }, [error, setError]);
}
