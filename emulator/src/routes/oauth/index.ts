import type { RouteModule } from '../../http/routeModule.js';
import { authorizeRoutes } from './authorize.js';
import { deviceRoutes } from './device.js';
import { tokenRoutes } from './token.js';

export const oauthRoutes: RouteModule = {
  register(router, deps) {
    authorizeRoutes.register(router, deps);
    tokenRoutes.register(router, deps);
    deviceRoutes.register(router, deps);
  },
};
