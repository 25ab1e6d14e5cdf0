// Linted as a file in electron/services/ outside redivis/: it calls Redivis endpoints directly.
import type { RedivisApiClient } from '../redivis/apiClient';

export async function tableRows(api: RedivisApiClient): Promise<unknown> {
  return api.get('/tables/demo.iris_species.iris');
}

export class Lookups {
  constructor(private readonly api: RedivisApiClient) {}
  send(): Promise<Response> {
    return this.api.send('GET', '/users/me');
  }
}
