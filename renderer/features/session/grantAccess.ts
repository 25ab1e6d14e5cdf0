import type { AppError } from '../../../shared/contract/errors';
import type { SessionView } from '../../../shared/contract/sessionChannels';
import { client } from '../../ui/client';

/**
 * The next step for an AppError whose action is 'grant_access': signs in again in the browser
 * asking for the scopes the server said were missing (carried in the error's detail).
 */
export function grantAccessFor(error: AppError): Promise<SessionView> {
  const scopes = (error.detail ?? '')
    .split(/\s+/)
    .filter((word) => /^(public|(data|organization|workflow)\.[a-z]+)$/.test(word));
  return client().session.grantAccess({ scopes: scopes.length > 0 ? scopes : undefined });
}
