import { appError, type AppError } from '../../../shared/contract/errors';

/** Both error body shapes Redivis has used (spec 1.6): flat OAuth-style and the older nested one. */
export interface RedivisErrorBody {
  error?: string | { message?: string; status?: number };
  error_description?: string;
  status?: number;
  scope?: string;
}

export function parseErrorBody(text: string): RedivisErrorBody | undefined {
  if (!text) return undefined;
  try {
    const parsed: unknown = JSON.parse(text);
    return parsed && typeof parsed === 'object' ? (parsed as RedivisErrorBody) : undefined;
  } catch {
    return undefined;
  }
}

/** Turns an HTTP failure into an error the UI can show, with a next step where there is one. */
export function mapApiError(status: number, body: RedivisErrorBody | undefined, what: string): AppError {
  const code = typeof body?.error === 'string' ? body.error : undefined;
  const serverText =
    body?.error_description ?? (typeof body?.error === 'object' ? body.error.message : undefined);
  const detail = serverText ? `${status}${code ? ` ${code}` : ''}: ${serverText}` : `HTTP ${status}`;
  if (status === 401) {
    return appError('unauthenticated', 'Your sign-in has expired or is no longer valid.', {
      detail,
      action: 'sign_in',
    });
  }
  if (status === 403 && code === 'insufficient_scope') {
    const scopes = body?.scope ? ` (needs: ${body.scope})` : '';
    return appError('insufficient_scope', `The app needs more access to ${what}${scopes}.`, {
      detail: body?.scope ?? detail,
      action: 'grant_access',
    });
  }
  if (status === 403) {
    return appError('forbidden', serverText ?? `You don't have access to ${what}.`, { detail });
  }
  if (status === 404) {
    return appError('not_found', `${capitalize(what)} was not found, or you can't see it.`, { detail });
  }
  if (status === 409)
    return appError('conflict', serverText ?? `${capitalize(what)} already exists.`, { detail });
  if (status === 429) {
    return appError('rate_limited', 'Redivis is receiving too many requests; try again shortly.', {
      detail,
      action: 'retry',
    });
  }
  if (status === 503 || status === 502 || status === 504) {
    return appError('unavailable', 'The Redivis server is temporarily unavailable.', {
      detail,
      action: 'retry',
    });
  }
  if (status >= 500) {
    return appError('server', 'The Redivis server had a problem.', { detail, action: 'retry' });
  }
  return appError('invalid_request', serverText ?? `The request for ${what} was refused.`, { detail });
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
