/**
 * Table references inside a query: each backticked (or, under a default dataset/workflow,
 * bare) reference is resolved with the reference grammar and the caller's access, exactly like
 * a `/tables/{reference}` path, and becomes a temporary view named as BigQuery's implicit alias
 * (the table name), so `FROM \`demo.iris_species.iris\`` can be followed by `iris.species`.
 */
import type { RequestContext } from '../http/routeModule.js';
import { escapeName, parseTableReference } from '../refs/referenceGrammar.js';
import type { ResolvedTable } from '../refs/resolveTable.js';
import { quoteIdentifier } from '../sql/sqlText.js';
import { rowLimit, sourcesOf } from '../routes/readSessions.js';
import { tableRelation } from '../sql/tableRelation.js';
import type { ViewDefinition } from '../sql/runQuery.js';
import type { RowSource } from '../store/tableSources.js';

interface ReferencedTable {
  name: string;
  resolved: ResolvedTable;
}

export interface PreparedView {
  name: string;
  resolved: ResolvedTable;
  sources: RowSource[];
}

function qualify(reference: string, defaultContainer: string | undefined): string {
  const parts = reference.split('.').length;
  if (parts >= 3 || !defaultContainer) return reference;
  if (parts === 1) return `${defaultContainer}.${reference}`;
  const owner = defaultContainer.split('.')[0] ?? '';
  return `${owner}.${reference}`;
}

export class QueryReferences {
  private readonly byKey = new Map<string, ReferencedTable>();
  private readonly names = new Set<string>();

  constructor(
    private readonly ctx: RequestContext,
    private readonly defaultContainer: string | undefined,
  ) {}

  /** The translator's hook: resolves (or throws the API error) and names the view. */
  relationFor = (reference: string): string => {
    const resolved = this.ctx.resolveTable(qualify(reference.trim(), this.defaultContainer), {
      need: 'data',
    });
    const key = `${resolved.table.id}|${resolved.isSample}`;
    const known = this.byKey.get(key);
    if (known) return quoteIdentifier(known.name);
    let base = escapeName(parseTableReference(qualify(reference.trim(), this.defaultContainer)).table.name);
    if (!/^[a-z_]/.test(base)) base = `t_${base}`;
    let name = base;
    for (let n = 2; this.names.has(name); n++) name = `${base}_${n}`;
    this.names.add(name);
    this.byKey.set(key, { name, resolved });
    return quoteIdentifier(name);
  };

  /** Snapshots each table's rows now, so the query reads what existed when it was submitted. */
  async prepare(): Promise<PreparedView[]> {
    const views: PreparedView[] = [];
    for (const { name, resolved } of this.byKey.values()) {
      views.push({ name, resolved, sources: await sourcesOf(this.ctx, resolved) });
    }
    return views;
  }
}

export async function viewDefinitions(
  dataDir: string,
  views: readonly PreparedView[],
): Promise<ViewDefinition[]> {
  const out: ViewDefinition[] = [];
  for (const view of views) {
    const { resolved, sources } = view;
    const relation = await tableRelation(dataDir, sources, resolved.table.variables, {
      uploadNameColumn: resolved.version !== null && !resolved.version.isReleased,
      limit: rowLimit(resolved, sources, undefined),
    });
    out.push({ name: view.name, relation });
  }
  return out;
}
