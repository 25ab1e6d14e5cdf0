import { z } from 'zod';
import { errorActions, errorCodes, type AppError } from './errors';

/** The shape of an `AppError`, for checking errors that cross the IPC boundary. */
export const appErrorSchema = z.object({
  code: z.enum(errorCodes),
  message: z.string(),
  detail: z.string().optional(),
  action: z.enum(errorActions).optional(),
}) satisfies z.ZodType<AppError>;

export function isAppError(value: unknown): value is AppError {
  return appErrorSchema.safeParse(value).success;
}
