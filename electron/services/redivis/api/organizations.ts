import { z } from 'zod';
import { optional } from './resource';

/** The owner of a dataset or workflow: a user or an organization (spec §3.1). */
export const ownerSchema = z.looseObject({
  kind: optional(z.string()),
  name: optional(z.string()),
  userName: optional(z.string()),
  fullName: optional(z.string()),
});
export type ApiOwner = z.output<typeof ownerSchema>;

export interface OwnerRef {
  kind: 'user' | 'organization';
  name: string;
}

/** `/users/<name>` or `/organizations/<name>`: the root of an owner's datasets and workflows. */
export function ownerPath(owner: OwnerRef): string {
  return `/${owner.kind === 'organization' ? 'organizations' : 'users'}/${encodeURIComponent(owner.name)}`;
}
