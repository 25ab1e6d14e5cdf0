import type { ChannelHandlers } from '../host/handlers';
import type { ServiceContext } from '../serviceContext';

export function createPreviewHandlers(context: ServiceContext): ChannelHandlers['preview'] {
  void context;
  return {};
}
