import type { OrganizationRecord, UserRecord } from '../store/model.js';
import type { SerializeContext } from './serializeContext.js';

export function userJson(user: UserRecord, ctx: SerializeContext): Record<string, unknown> {
  return {
    kind: 'user',
    id: user.name,
    name: user.name,
    fullName: user.fullName,
    contactEmail: user.contactEmail,
    orcid: user.orcid,
    uri: `/users/${user.name}`,
    url: `${ctx.origin}/${user.name}`,
    createdAt: user.createdAt,
  };
}

export function organizationJson(org: OrganizationRecord, ctx: SerializeContext): Record<string, unknown> {
  return {
    kind: 'organization',
    id: org.name,
    name: org.name,
    userName: org.name,
    fullName: org.fullName,
    uri: `/organizations/${org.name}`,
    url: `${ctx.origin}/${org.name}`,
    createdAt: org.createdAt,
  };
}

export function ownerJson(
  owner: { kind: 'user' | 'organization'; name: string },
  ctx: SerializeContext,
): Record<string, unknown> {
  if (owner.kind === 'user') {
    const user = ctx.state.users[owner.name];
    return user ? userJson(user, ctx) : { kind: 'user', name: owner.name };
  }
  const org = ctx.state.organizations[owner.name];
  return org ? organizationJson(org, ctx) : { kind: 'organization', name: owner.name };
}
