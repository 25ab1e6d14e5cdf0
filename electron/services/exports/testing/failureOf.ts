import { expect } from 'vitest';
import { AppFailure } from '../../../../shared/contract/errors';

/** The AppFailure a download rejects with (the test fails if it resolves or throws anything else). */
export async function failureOf(promise: Promise<unknown>): Promise<AppFailure> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppFailure);
  return error as AppFailure;
}
