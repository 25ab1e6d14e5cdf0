import { AppFailure, appError, type AppError } from '../../../shared/contract/errors';

/** What to tell a user whose sign-in is read-only, with the way forward (grant more access). */
export function readOnlySignInError(what: string): AppError {
  return appError('insufficient_scope', `Your sign-in is read-only, so ${what}.`, {
    detail: 'Grant more access to sign in again with editing rights: data.edit',
    action: 'grant_access',
  });
}

/**
 * A "not found" for an unreleased version, from a read-only sign-in, most likely means the
 * version is hidden from this sign-in rather than missing: say so instead.
 */
export function explainHiddenUnreleased(error: unknown, addressesNext: boolean, readOnly: boolean): unknown {
  if (!readOnly || !addressesNext || !(error instanceof AppFailure) || error.appError.code !== 'not_found') {
    return error;
  }
  return new AppFailure(readOnlySignInError('unreleased versions are hidden from the app'));
}
