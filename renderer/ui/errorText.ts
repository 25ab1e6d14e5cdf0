import { AppFailure, type AppError } from '../../shared/contract/errors';
import { isAppError } from '../../shared/contract/errorSchema';

/** Any failure, as an AppError the UI can show in plain words. */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppFailure) return error.appError;
  if (isAppError(error)) return error;
  return {
    code: 'internal',
    message: 'Something went wrong.',
    detail: error instanceof Error ? error.message : undefined,
  };
}
