import { z } from 'zod';
import type { RedivisApiClient, RequestOptions } from '../apiClient';
import { getResource, optional } from './resource';

/** The User resource (spec §3.1); `/users/me` is the signed-in user. */
export const userSchema = z.looseObject({
  kind: optional(z.string()),
  name: optional(z.string()),
  userName: optional(z.string()),
  fullName: optional(z.string()),
});
export type ApiUser = z.output<typeof userSchema>;

export function getMe(api: RedivisApiClient, options: RequestOptions = {}): Promise<ApiUser> {
  return getResource(api, '/users/me', userSchema, 'user profile', options);
}
