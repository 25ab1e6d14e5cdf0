// Linted as a file in electron/services/ outside redivis/: it reads through a resource module.
import type { RedivisApiClient } from '../redivis/apiClient';
import { getTable } from '../redivis/api/tables';

const cache = new Map<string, unknown>();

export async function tableOf(api: RedivisApiClient): Promise<unknown> {
  return cache.get('iris') ?? getTable(api, 'demo.iris_species.iris');
}
