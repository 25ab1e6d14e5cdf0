import { expect, it } from 'vitest';
import type { Route } from './navigationStore';
import { hashOfRoute, routeOfHash } from './routeUrl';

it('writes every page as an address and reads it back', () => {
  const routes: Route[] = [
    { kind: 'home' },
    { kind: 'owner', owner: 'demo', ownerKind: 'organization' },
    { kind: 'owner', owner: 'demo_user', ownerKind: 'user' },
    { kind: 'dataset', datasetRef: 'demo.iris_species:k9bp:v1_0' },
    { kind: 'workflow', workflowRef: 'demo_user.example_workflow' },
    { kind: 'table', tableRef: 'demo.Iris species.iris #1/2?x' },
    { kind: 'queries' },
    { kind: 'settings' },
  ];
  for (const route of routes) expect(routeOfHash(hashOfRoute(route))).toEqual(route);
  expect(hashOfRoute({ kind: 'table', tableRef: 'a.b.c d' })).toBe('#/table/a.b.c%20d');
});

it('reads nothing from a malformed or foreign address', () => {
  for (const hash of [
    '',
    '#',
    '#table/x',
    '#/table/',
    '#/nope/x',
    '#/table/%E0%A4%A',
    '#/queries/x',
    '#/settings/x',
    '#/dataset/' + 'x'.repeat(3000),
  ]) {
    expect(routeOfHash(hash), hash).toBeUndefined();
  }
});
