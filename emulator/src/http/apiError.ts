/** An error that becomes the flat Redivis error body `{error, error_description, status}`. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    description: string,
    readonly extra: Record<string, unknown> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(description);
    this.name = 'ApiError';
  }

  body(): Record<string, unknown> {
    return { error: this.code, error_description: this.message, status: this.status, ...this.extra };
  }
}

export const badRequest = (description: string): ApiError =>
  new ApiError(400, 'invalid_request', description);

export const notFound = (description: string): ApiError => new ApiError(404, 'not_found', description);

export const forbidden = (description: string): ApiError => new ApiError(403, 'forbidden', description);

/** 401 bodies never carry `scope`: clients would start a full login instead of a refresh. */
export const invalidToken = (description: string): ApiError =>
  new ApiError(401, 'invalid_token', description, {}, { 'WWW-Authenticate': 'Bearer error="invalid_token"' });

export const insufficientScope = (scope: string, description: string): ApiError =>
  new ApiError(403, 'insufficient_scope', description, { scope });
