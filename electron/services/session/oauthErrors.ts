import * as oauth from 'oauth4webapi';
import { AppFailure, appError, type AppError, type ErrorCode } from '../../../shared/contract/errors';

/** The OAuth error codes a sign-in can end with, in plain words. */
const knownErrors: Record<string, { code: ErrorCode; message: string }> = {
  access_denied: {
    code: 'forbidden',
    message: 'Access was denied in the browser, so you are not signed in.',
  },
  expired_token: {
    code: 'timeout',
    message: 'The code expired before it was approved. Start the sign-in again.',
  },
  invalid_grant: {
    code: 'unauthenticated',
    message: 'The server did not accept the sign-in. Start the sign-in again.',
  },
  invalid_scope: {
    code: 'invalid_request',
    message: 'The server does not offer the access the app asked for.',
  },
  invalid_client: {
    code: 'invalid_request',
    message: 'The server does not know this app (client id). Check the sign-in settings.',
  },
};

function fromOAuthCode(error: string, description: string | undefined, status?: number): AppError {
  const known = knownErrors[error];
  const detail = description ? `${error}: ${description}` : error;
  if (known) return appError(known.code, known.message, { detail });
  if (status !== undefined && status >= 500) {
    return appError('server', 'The sign-in server had a problem. Try again.', { detail, action: 'retry' });
  }
  return appError('invalid_request', 'The sign-in server refused the request.', { detail });
}

/**
 * Turns whatever an oauth4webapi call threw into an AppFailure. Only the OAuth error code and
 * description are kept: response bodies (which may hold tokens) never reach a message.
 */
export function toSignInFailure(error: unknown, signal?: AbortSignal): AppFailure {
  if (error instanceof AppFailure) return error;
  if (signal?.aborted) return new AppFailure(appError('cancelled', 'Sign-in was cancelled.'));
  if (error instanceof oauth.ResponseBodyError) {
    return new AppFailure(fromOAuthCode(error.error, error.error_description, error.status));
  }
  if (error instanceof oauth.AuthorizationResponseError) {
    return new AppFailure(fromOAuthCode(error.error, error.error_description));
  }
  if (error instanceof oauth.OperationProcessingError) {
    return new AppFailure(
      appError('server', 'The sign-in server sent an answer the app could not use.', {
        detail: error.message,
      }),
    );
  }
  if (error instanceof TypeError) {
    const cause = error.cause instanceof Error ? error.cause.message : error.message;
    return new AppFailure(
      appError('network', 'Could not reach the sign-in server.', { detail: cause, action: 'retry' }),
    );
  }
  return new AppFailure(
    appError('internal', 'Sign-in failed unexpectedly.', {
      detail: error instanceof Error ? error.name : undefined,
    }),
  );
}
