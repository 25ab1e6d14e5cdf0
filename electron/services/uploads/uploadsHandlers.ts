import type { ChannelHandlers } from '../host/handlers';
import type { ServiceContext } from '../serviceContext';

export function createUploadsHandlers(context: ServiceContext): ChannelHandlers['uploads'] {
  void context;
  return {};
}
