/**
 * `GET /readStreams/{id}?offset=N&eosSentinel=true` (spec §4.2). `offset` counts rows already
 * received; it may equal the stream's row count (nothing left) but not exceed it (400).
 * Expired sessions answer 404 `read_session_expired`; only the creator may read unless the
 * session allowed anonymous access (others get 403).
 */
import { ApiError, notFound } from '../http/apiError.js';
import type { RouteModule } from '../http/routeModule.js';
import { isTrue } from '../http/requestContext.js';
import { sendArrowStream } from '../readSessions/arrowBody.js';
import { StreamCut } from '../readSessions/cuttableBody.js';
import { sessionsOf } from '../readSessions/sessionRegistry.js';
import { sendTextStream } from '../readSessions/textBody.js';
import { requireParam } from './routeHelpers.js';

export const readStreamsRoutes: RouteModule = {
  register(router, deps) {
    router.add('GET', '/api/v1/readStreams/:stream', async (ctx) => {
      const stream = sessionsOf(deps).stream(requireParam(ctx, 'stream'));
      if (!stream) throw notFound('Read stream not found');
      const { session, plan } = stream;
      if (session.expiresAt <= deps.now()) {
        throw new ApiError(404, 'read_session_expired', 'The read session has expired; create a new one');
      }
      const caller = ctx.caller.user?.name ?? null;
      if (!session.allowAnonymousAccess && session.createdBy !== caller) {
        if (!caller && session.createdBy) {
          throw new ApiError(401, 'invalid_token', 'Authentication is required to read this stream');
        }
        throw new ApiError(403, 'forbidden', 'Only the creator of the read session may read its streams');
      }
      const offsetText = ctx.query.get('offset') ?? '0';
      const offset = Number(offsetText);
      if (!/^\d+$/.test(offsetText) || !Number.isSafeInteger(offset)) {
        throw new ApiError(400, 'invalid_request', 'offset must be a non-negative integer');
      }
      if (offset > plan.numRows) {
        throw new ApiError(
          400,
          'invalid_request',
          `offset ${offset} is beyond the ${plan.numRows} rows of this stream`,
        );
      }
      if (ctx.method === 'HEAD') {
        ctx.res.writeHead(200, { 'X-Redivis-Stream-Rows': String(plan.numRows - offset) });
        ctx.res.end();
        return;
      }
      if (offset > 0) await deps.faults.resumeGate(offset);
      const cut = deps.faults.takeStreamCut();
      try {
        if (session.format === 'arrow') {
          await sendArrowStream(ctx.res, deps.store.dataDir, plan, offset, {
            eosSentinel: isTrue(ctx.query.get('eosSentinel')),
            cut,
          });
        } else {
          await sendTextStream(ctx.res, deps.store.dataDir, plan, offset, session.format, cut);
        }
      } catch (error) {
        if (error instanceof StreamCut) return;
        if (ctx.res.headersSent) {
          ctx.res.destroy();
          return;
        }
        throw error;
      }
    });
  },
};
