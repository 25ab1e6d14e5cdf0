/**
 * Errors cross every boundary as data, never as thrown objects: the UI decides how to show
 * them and never sees a stack trace or a raw server body. This module has no dependencies, so
 * worker threads that only throw and catch errors start without loading a schema library; the
 * schemas that check errors crossing a boundary are in `errorSchema.ts`.
 */
export const errorCodes = [
  'invalid_request',
  'not_found',
  'forbidden',
  'insufficient_scope',
  'unauthenticated',
  'rate_limited',
  'unavailable',
  'network',
  'cancelled',
  'timeout',
  'conflict',
  'bad_input',
  'io',
  'server',
  'internal',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

export const errorActions = ['retry', 'sign_in', 'grant_access', 'open_settings'] as const;
export type ErrorAction = (typeof errorActions)[number];

export interface AppError {
  code: ErrorCode;
  message: string;
  detail?: string;
  action?: ErrorAction;
}

export type Outcome<T> = { ok: true; value: T } | { ok: false; error: AppError };

/** Thrown by service code; carried across the boundary as its `appError`. */
export class AppFailure extends Error {
  readonly appError: AppError;
  constructor(error: AppError) {
    super(error.message);
    this.name = 'AppFailure';
    this.appError = error;
  }
}

export function appError(
  code: ErrorCode,
  message: string,
  extra: { detail?: string; action?: ErrorAction } = {},
): AppError {
  return { code, message, ...extra };
}

export function fail(
  code: ErrorCode,
  message: string,
  extra: { detail?: string; action?: ErrorAction } = {},
): never {
  throw new AppFailure(appError(code, message, extra));
}
