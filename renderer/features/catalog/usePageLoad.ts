import { useCallback, useEffect, useEffectEvent, useState } from 'react';
import type { AppError } from '../../../shared/contract/errors';
import { client } from '../../ui/client';
import { toAppError } from '../../ui/errorText';

let counter = 0;
function newLoadId(): string {
  counter += 1;
  return `view-${Date.now().toString(36)}-${counter}`;
}

/**
 * One id per page view, passed with every catalog request of that view. When the view goes
 * away (the user navigated elsewhere) its requests still on the wire are cancelled.
 */
export function usePageView(): string {
  const [loadId] = useState(newLoadId);
  useEffect(
    () => () => {
      void client()
        .catalog.cancel({ loadId })
        .catch(() => undefined);
    },
    [loadId],
  );
  return loadId;
}

export type LoadState<T> =
  { status: 'loading' } | { status: 'ready'; value: T } | { status: 'error'; error: AppError };

/**
 * Runs `load` when `key` or `refresh` changes and exposes its state; `reload` runs it again.
 * A reload or refresh of the same key keeps showing the previous value until the new one
 * arrives (no flash of "loading"). Answers that arrive late are dropped, and cancelled
 * requests never surface as errors.
 */
export function useLoad<T>(
  key: string,
  load: () => Promise<T>,
  refresh = 0,
): LoadState<T> & { reload: () => void } {
  const [attempt, setAttempt] = useState(0);
  const token = `${key}\u0000${attempt}\u0000${refresh}`;
  const [result, setResult] = useState<{ key: string; token: string; state: LoadState<T> }>();
  const run = useEffectEvent(load);
  useEffect(() => {
    let live = true;
    run().then(
      (value) => live && setResult({ key, token, state: { status: 'ready', value } }),
      (error: unknown) => {
        const appError = toAppError(error);
        if (live && appError.code !== 'cancelled') {
          setResult({ key, token, state: { status: 'error', error: appError } });
        }
      },
    );
    return () => {
      live = false;
    };
  }, [key, token]);
  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  let state: LoadState<T> = { status: 'loading' };
  if (result?.token === token) state = result.state;
  else if (result?.key === key && result.state.status === 'ready') state = result.state;
  return { ...state, reload };
}

/** Kept under the catalog's name; the one implementation lives in ui/useDelayed. */
export { useDelayed as useDelayedFlag } from '../../ui/useDelayed';
