import type { ChannelHandlers } from '../host/handlers';
import type { ServiceContext } from '../serviceContext';

export function createCatalogHandlers(context: ServiceContext): ChannelHandlers['catalog'] {
  void context;
  return {};
}
