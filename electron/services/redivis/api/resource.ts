import { z } from 'zod';
import { AppFailure, appError } from '../../../../shared/contract/errors';
import type { Page, RedivisApiClient, RequestOptions } from '../apiClient';

/**
 * Every Redivis answer the app reads goes through a zod schema here: a body in an unexpected
 * shape becomes one clear error naming the resource and the field, instead of an `undefined`
 * found much later in the UI. Schemas keep fields the app does not read (servers add fields) and
 * are strict about the type of each field the app does read.
 */

/** An optional field: null (which some servers send for "none") is read as absent. */
export function optional<T extends z.ZodType>(schema: T) {
  return schema.nullish().transform((value): z.output<T> | undefined => value ?? undefined);
}

const article = (expected: string) => (/^[aeiou]/.test(expected) ? `an ${expected}` : `a ${expected}`);

function valueAt(body: unknown, path: readonly PropertyKey[]): unknown {
  let node = body;
  for (const key of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<PropertyKey, unknown>)[key];
  }
  return node;
}

/** "numRows must be a number", "name is missing", "status must be one of queued, running, …". */
function describeIssue(issue: z.core.$ZodIssue, body: unknown): string {
  const field = issue.path.map(String).join('.');
  if (!field) return 'the answer is not a JSON object';
  if (issue.code === 'invalid_type') {
    if (valueAt(body, issue.path) === undefined) return `${field} is missing`;
    return `${field} must be ${issue.expected === 'array' ? 'a list' : article(issue.expected)}`;
  }
  if (issue.code === 'invalid_value') return `${field} must be one of ${issue.values.map(String).join(', ')}`;
  return `${field}: ${issue.message}`;
}

/** Checks `body` against `schema`; `resource` names it for the user ("table", "upload"). */
export function readResource<S extends z.ZodType>(
  schema: S,
  body: unknown,
  resource: string,
  request?: string,
): z.output<S> {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  const [issue] = parsed.error.issues;
  const problem = issue ? describeIssue(issue, body) : 'its shape is wrong';
  throw new AppFailure(
    appError('server', `The Redivis server sent an unexpected ${resource}: ${problem}.`, {
      detail: [request, ...parsed.error.issues.slice(1, 4).map((i) => describeIssue(i, body))]
        .filter(Boolean)
        .join('; '),
    }),
  );
}

/** GET a resource and check it. */
export async function getResource<S extends z.ZodType>(
  api: RedivisApiClient,
  path: string,
  schema: S,
  resource: string,
  options: RequestOptions = {},
): Promise<z.output<S>> {
  return readResource(schema, await api.get<unknown>(path, options), resource, `GET ${path}`);
}

/** Any other request whose answer is a resource. */
export async function sendForResource<S extends z.ZodType>(
  api: RedivisApiClient,
  method: string,
  path: string,
  schema: S,
  resource: string,
  options: RequestOptions = {},
): Promise<z.output<S>> {
  return readResource(schema, await api.json<unknown>(method, path, options), resource, `${method} ${path}`);
}

/** One page of a list endpoint, each item checked (the error says which item). */
export async function getPage<S extends z.ZodType>(
  api: RedivisApiClient,
  path: string,
  item: S,
  resource: string,
  options: RequestOptions & { pageToken?: string | null; maxResults?: number } = {},
): Promise<Page<z.output<S>>> {
  const page = await api.page<unknown>(path, options);
  const results = page.results.map((raw, index) =>
    readResource(item, raw, `${resource} (item ${index + 1} of a list)`, `GET ${path}`),
  );
  const nextPageToken = readResource(
    optional(z.string()),
    page.nextPageToken,
    `list of ${resource}s (nextPageToken)`,
  );
  return { results, nextPageToken: nextPageToken ?? null };
}

/** Every item of a list endpoint, following nextPageToken. */
export async function* allItems<S extends z.ZodType>(
  api: RedivisApiClient,
  path: string,
  item: S,
  resource: string,
  options: RequestOptions & { pageSize?: number } = {},
): AsyncGenerator<z.output<S>> {
  let pageToken: string | null = null;
  do {
    const page: Page<z.output<S>> = await getPage(api, path, item, resource, {
      ...options,
      pageToken,
      maxResults: options.pageSize,
    });
    yield* page.results;
    pageToken = page.nextPageToken;
  } while (pageToken);
}
