import { z } from 'zod';
import type { QueryInspection, QueryTable } from '../../../shared/contract/queryModel';
import { AppFailure } from '../../../shared/contract/errors';
import type { RedivisApiClient } from '../redivis/apiClient';
import { tablePath } from '../redivis/api/paths';
import { getResource } from '../redivis/api/resource';
import { scanQuery } from './queryText';

/** Above this, `SELECT *` over a table asks first. */
export const LARGE_TABLE_BYTES = 10 * 1024 ** 3;

/** A table's (or query result's) size, as much as the check needs. */
const tableSizeSchema = z.looseObject({
  name: z.string().optional(),
  numRows: z.number().nullish(),
  numBytes: z.number().nullish(),
});

/**
 * What a query will read, before it runs (Redivis has no dry run): each table it names, with
 * its row count and size, looked up as the user would (bare names under the default dataset).
 */
export async function inspectQuery(
  api: RedivisApiClient,
  sql: string,
  defaultDataset?: string,
  signal?: AbortSignal,
): Promise<QueryInspection> {
  const scanned = scanQuery(sql);
  const references = scanned.tables
    .map((name) => (/[.:]/.test(name) ? name : defaultDataset ? `${defaultDataset}.${name}` : undefined))
    .filter((name): name is string => name !== undefined)
    .slice(0, 20);
  const tables = await Promise.all(references.map((reference) => describe(api, reference, signal)));
  const largeSelectStar = scanned.selectsStar
    ? tables.filter((t) => (t.numBytes ?? 0) > LARGE_TABLE_BYTES).map((t) => t.reference)
    : [];
  return { tables, largeSelectStar };
}

async function describe(api: RedivisApiClient, reference: string, signal?: AbortSignal): Promise<QueryTable> {
  try {
    const body = await getResource(api, tablePath(reference), tableSizeSchema, 'table', {
      signal,
      what: reference,
    });
    return {
      reference,
      name: body.name,
      numRows: body.numRows ?? undefined,
      numBytes: body.numBytes ?? undefined,
    };
  } catch (error) {
    const problem =
      error instanceof AppFailure ? error.appError.message : 'This table could not be looked up.';
    return { reference, problem };
  }
}
