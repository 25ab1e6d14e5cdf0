import type { Route } from './navigationStore';

/**
 * A page as the part of the address after `#`, so a reload returns to it and the browser's (or
 * window's) history can hold it: `#/table/demo.iris_species.iris`, `#/queries`.
 */
export function hashOfRoute(route: Route): string {
  switch (route.kind) {
    case 'home':
      return '#/';
    case 'owner':
      return `#/${route.ownerKind === 'user' ? 'user' : 'organization'}/${encodeURIComponent(route.owner)}`;
    case 'dataset':
      return `#/dataset/${encodeURIComponent(route.datasetRef)}`;
    case 'workflow':
      return `#/workflow/${encodeURIComponent(route.workflowRef)}`;
    case 'table':
      return `#/table/${encodeURIComponent(route.tableRef)}`;
    case 'queries':
      return '#/queries';
    case 'settings':
      return '#/settings';
  }
}

/** The page an address names, or undefined for anything else (a malformed or foreign hash). */
export function routeOfHash(hash: string): Route | undefined {
  const match = /^#\/([a-z]*)\/?(.*)$/.exec(hash);
  if (!match) return undefined;
  let value: string;
  try {
    value = decodeURIComponent(match[2] ?? '');
  } catch {
    return undefined;
  }
  if (value.length > 2000) return undefined;
  switch (match[1]) {
    case '':
      return value ? undefined : { kind: 'home' };
    case 'queries':
      return value ? undefined : { kind: 'queries' };
    case 'settings':
      return value ? undefined : { kind: 'settings' };
    case 'user':
    case 'organization':
      return value ? { kind: 'owner', owner: value, ownerKind: match[1] } : undefined;
    case 'dataset':
      return value ? { kind: 'dataset', datasetRef: value } : undefined;
    case 'workflow':
      return value ? { kind: 'workflow', workflowRef: value } : undefined;
    case 'table':
      return value ? { kind: 'table', tableRef: value } : undefined;
    default:
      return undefined;
  }
}
