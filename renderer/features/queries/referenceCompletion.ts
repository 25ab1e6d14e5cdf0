import type { Completion, CompletionContext, CompletionResult } from '@codemirror/autocomplete';
import { client } from '../../ui/client';

/**
 * Completion of Redivis references inside backticks (`owner.dataset.table`), from what the app
 * can list, and of the variables of the tables a query names, loaded lazily (once per table)
 * with their type and label. Everything is fetched through the contract, like any page.
 */
interface CatalogLookups {
  owners(): Promise<Completion[]>;
  datasets(owner: string): Promise<Completion[]>;
  tables(datasetRef: string): Promise<Completion[]>;
  variables(tableRef: string): Promise<Completion[]>;
}

function cached<T>(load: (key: string) => Promise<T>): (key: string) => Promise<T> {
  const cache = new Map<string, Promise<T>>();
  return (key) => {
    let value = cache.get(key);
    if (!value) {
      value = load(key).catch((error: unknown) => {
        cache.delete(key);
        throw error;
      });
      cache.set(key, value);
    }
    return value;
  };
}

/** The plain name a reference ends with: `demo.iris_species:k9bp` → `iris_species` (ids and versions are optional). */
const lastSegment = (ref: string) => (ref.split('.').pop() ?? ref).split(':')[0] ?? ref;
const rows = (n: number | undefined) => (n === undefined ? '' : ` · ${n.toLocaleString('en-US')} rows`);

/** The lookups the editor uses, through the catalog channels (cached for the editor's life). */
export function catalogLookups(): CatalogLookups {
  let me: Promise<string | undefined> | undefined;
  const myName = () =>
    (me ??= client()
      .catalog.me()
      .then((user) => user.name)
      .catch(() => undefined));
  return {
    owners: async () => {
      const [user, places] = await Promise.all([
        myName(),
        client()
          .catalog.places()
          .catch(() => undefined),
      ]);
      const owners: Completion[] = (places?.organizations ?? []).map((org) => ({
        label: org.name,
        type: 'namespace',
        detail: 'organization',
      }));
      if (user) owners.unshift({ label: user, type: 'namespace', detail: 'you' });
      return owners;
    },
    datasets: cached(async (owner) => {
      const kind = owner === (await myName()) ? 'user' : 'organization';
      const page = await client().catalog.listDatasets({ owner: { kind, name: owner } });
      return page.items.map((d) => ({
        label: lastSegment(d.ref),
        type: 'class',
        detail: `dataset${d.tableCount === undefined ? '' : ` · ${d.tableCount} tables`}`,
        info: d.name,
      }));
    }),
    tables: cached(async (datasetRef) => {
      const page = await client().catalog.listTables({ container: { kind: 'dataset', ref: datasetRef } });
      return page.items.map((t) => ({
        label: lastSegment(t.ref),
        type: 'type',
        detail: `table${rows(t.numRows)}`,
        info: t.description ?? t.name,
      }));
    }),
    variables: cached(async (tableRef) => {
      const page = await client().catalog.listVariables({ tableRef });
      return page.items.map((v) => ({
        label: v.name,
        type: 'property',
        detail: v.type,
        info: v.label ?? undefined,
      }));
    }),
  };
}

/** Backticked references a query names (a light scan; strings and comments are rare here). */
export function namedTables(sql: string, defaultDataset?: string): string[] {
  const found = new Set<string>();
  for (const match of sql.matchAll(/`([^`\n]+)`/g)) {
    const name = match[1] as string;
    if (/[.:]/.test(name)) found.add(name);
    else if (defaultDataset) found.add(`${defaultDataset}.${name}`);
  }
  if (defaultDataset) {
    for (const match of sql.matchAll(/\b(?:from|join)\s+([A-Za-z_][A-Za-z0-9_]*)/gi)) {
      found.add(`${defaultDataset}.${match[1] as string}`);
    }
  }
  return [...found];
}

/** The CodeMirror completion source. `defaultDataset` comes from the tab. */
export function referenceCompletion(lookups: CatalogLookups, defaultDataset: () => string | undefined) {
  return async (context: CompletionContext): Promise<CompletionResult | null> => {
    const line = context.state.doc.lineAt(context.pos);
    const before = line.text.slice(0, context.pos - line.from);
    const inside = /`([^`]*)$/.exec(before);
    try {
      if (inside) {
        const typed = inside[1] as string;
        const parts = typed.split('.');
        const from = context.pos - (parts.at(-1)?.length ?? 0);
        let options: Completion[];
        if (parts.length === 1) {
          options = await lookups.owners();
          const dataset = defaultDataset();
          if (dataset) options = [...(await lookups.tables(dataset)), ...options];
        } else if (parts.length === 2) options = await lookups.datasets(parts[0] as string);
        else if (parts.length === 3) options = await lookups.tables(`${parts[0]}.${parts[1]}`);
        else return null;
        return { from, options, validFor: /^[\w:]*$/ };
      }
      const word = context.matchBefore(/\w*/);
      if (!word || (word.from === word.to && !context.explicit)) return null;
      const tables = namedTables(context.state.doc.toString(), defaultDataset());
      const lists = await Promise.all(tables.slice(0, 8).map((t) => lookups.variables(t).catch(() => [])));
      const seen = new Set<string>();
      const options = lists.flat().filter((o) => !seen.has(o.label) && seen.add(o.label));
      if (defaultDataset() && /\b(from|join)\s+\w*$/i.test(before)) {
        options.push(...(await lookups.tables(defaultDataset() as string)));
      }
      return options.length ? { from: word.from, options, validFor: /^\w*$/ } : null;
    } catch {
      return null;
    }
  };
}
