import { ApiError, notFound } from '../http/apiError.js';
import { sendPage } from '../http/pagination.js';
import type { RequestContext, RouteModule } from '../http/routeModule.js';
import { rank, workflowAccess } from '../refs/access.js';
import type { OrganizationMember } from '../store/model.js';
import { datasetListItemJson } from '../serialize/datasetJson.js';
import { organizationJson, userJson } from '../serialize/userJson.js';
import { workflowJson } from '../serialize/workflowJson.js';
import { createDataset } from './datasetCreate.js';
import {
  requireOrganizationParam,
  requireParam,
  serializeContext,
  visibleDatasetsOf,
} from './routeHelpers.js';

/** Member listings need `organization.read` and an approved membership (spec §1.5). */
function requireMemberReader(ctx: RequestContext, orgName: string): void {
  const user = ctx.requireUser();
  ctx.requireScope('organization.read', 'organization.write');
  const org = ctx.deps.store.state.organizations[orgName];
  const self = org?.members.find((m) => m.userName === user.name && m.status === 'approved');
  if (!self) throw new ApiError(403, 'forbidden', `You are not a member of ${orgName}`);
}

function memberJson(ctx: RequestContext, orgName: string, member: OrganizationMember): unknown {
  const sctx = serializeContext(ctx);
  const user = ctx.deps.store.state.users[member.userName];
  const uri = `/organizations/${orgName}/members/${member.userName}`;
  return {
    kind: 'member',
    uri,
    url: `${sctx.origin}${uri}`,
    createdAt: member.createdAt,
    submittedAt: member.createdAt,
    approvedAt: member.status === 'approved' ? member.createdAt : null,
    rejectedAt: null,
    leftAt: null,
    status: member.status,
    isAdmin: member.isAdmin,
    labels: member.labels,
    user: user ? userJson(user, sctx) : { kind: 'user', name: member.userName },
    authentication: {
      kind: 'authentication',
      type: 'email',
      identifier: user?.contactEmail ?? null,
      lastLogin: null,
      email: user?.contactEmail ?? null,
      affiliations: [],
      identityProvider: null,
    },
  };
}

export const organizationsRoutes: RouteModule = {
  register(router) {
    router.add('GET', '/api/v1/organizations/:organization', (ctx) => {
      const name = requireOrganizationParam(ctx);
      const org = ctx.deps.store.state.organizations[name];
      if (org) ctx.sendJson(200, organizationJson(org, serializeContext(ctx)));
    });

    router.add('GET', '/api/v1/organizations/:organization/datasets', (ctx) => {
      const name = requireOrganizationParam(ctx);
      const sctx = serializeContext(ctx);
      const labels = (ctx.query.get('labels') ?? '').split(',').filter(Boolean);
      const datasets = visibleDatasetsOf(ctx, name).filter((d) =>
        labels.every((label) => d.labels.includes(label)),
      );
      sendPage(ctx, 'datasetList', datasets, (d) => datasetListItemJson(d, sctx));
    });

    router.add('POST', '/api/v1/organizations/:organization/datasets', async (ctx) => {
      const name = requireOrganizationParam(ctx);
      await createDataset(ctx, { kind: 'organization', name });
    });

    router.add('GET', '/api/v1/organizations/:organization/workflows', (ctx) => {
      const name = requireOrganizationParam(ctx);
      const sctx = serializeContext(ctx);
      const workflows = Object.values(ctx.deps.store.state.workflows)
        .filter((w) => w.owner.name === name)
        .filter((w) => rank(workflowAccess(w, ctx.caller).effective) >= rank('data'));
      sendPage(ctx, 'workflowList', workflows, (w) => workflowJson(w, sctx));
    });

    router.add('GET', '/api/v1/organizations/:organization/members', (ctx) => {
      const name = requireOrganizationParam(ctx);
      requireMemberReader(ctx, name);
      const org = ctx.deps.store.state.organizations[name];
      const wanted = (ctx.query.get('statuses') ?? ctx.query.get('status') ?? '').split(',').filter(Boolean);
      const members = (org?.members ?? []).filter((m) => wanted.length === 0 || wanted.includes(m.status));
      sendPage(ctx, 'memberList', members, (m) => memberJson(ctx, name, m), 100, 1000);
    });

    router.add('GET', '/api/v1/organizations/:organization/members/:member', (ctx) => {
      const name = requireOrganizationParam(ctx);
      requireMemberReader(ctx, name);
      const memberName = requireParam(ctx, 'member').toLowerCase();
      const member = ctx.deps.store.state.organizations[name]?.members.find((m) => m.userName === memberName);
      if (!member) throw notFound(`${memberName} is not a member of ${name}`);
      ctx.sendJson(200, memberJson(ctx, name, member));
    });
  },
};
