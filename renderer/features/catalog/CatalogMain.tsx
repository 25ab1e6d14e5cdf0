import { useEffect } from 'react';
import { client } from '../../ui/client';
import { DatasetPage } from './DatasetPage';
import { HomePage } from './HomePage';
import { routeKey, useNavigation, type Route } from './navigationStore';
import { OwnerPage } from './OwnerPage';
import { QueryWorkbench } from '../queries/QueryWorkbench';
import { SettingsPage } from '../settings/SettingsPage';
import { TablePage } from './TablePage';
import { useBrowserHistory } from './useBrowserHistory';
import { WorkflowPage } from './WorkflowPage';
import './catalog.css';

function Page({ route }: { route: Route }) {
  switch (route.kind) {
    case 'home':
      return <HomePage />;
    case 'owner':
      return <OwnerPage owner={route.owner} ownerKind={route.ownerKind} />;
    case 'dataset':
      return <DatasetPage datasetRef={route.datasetRef} />;
    case 'workflow':
      return <WorkflowPage workflowRef={route.workflowRef} />;
    case 'table':
      return <TablePage tableRef={route.tableRef} />;
    case 'queries':
      return <QueryWorkbench />;
    case 'settings':
      return <SettingsPage />;
  }
}

/** Another account sees other things: start over rather than show the previous one's pages. */
function useResetOnAccountChange(reset: () => void): void {
  useEffect(() => {
    let account: string | null | undefined;
    void client()
      .session.status()
      .then((status) => {
        account ??= status.session?.accountId ?? null;
      })
      .catch(() => undefined);
    return client().on('session.changed', ({ session }) => {
      const next = session?.accountId ?? null;
      if (account !== undefined && account !== next) reset();
      account = next;
    });
  }, [reset]);
}

/** The main pane: the page for the current route (the reference bar above it is the shell's). */
export function CatalogMain() {
  const current = useNavigation((state) => state.current);
  const reset = useNavigation((state) => state.reset);
  useResetOnAccountChange(reset);
  useBrowserHistory();
  return (
    <div className="catalog-main">
      <div className="catalog-page" data-route={current.kind}>
        {/* A new key per route gives each page view its own state and request group. */}
        <Page key={routeKey(current)} route={current} />
      </div>
    </div>
  );
}
