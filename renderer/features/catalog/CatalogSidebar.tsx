import { useEffect, useState } from 'react';
import type { CatalogPlaces, CatalogUser } from '../../../shared/contract/catalogModel';
import { client } from '../../ui/client';
import { toAppError } from '../../ui/errorText';
import { ErrorPanel, Loading } from './catalogStates';
import { OrganizationsSection } from './OrganizationsSection';
import { NewQueryButton } from './QueryActions';
import { refQualifier } from './refQualifier';
import { CatalogLink } from './CatalogLink';
import { SidebarOwnList } from './SidebarOwnList';
import { useLoad } from './usePageLoad';
import './catalogSidebar.css';

/** Organizations and recent items, kept current by `catalog.placesChanged`. */
function usePlaces() {
  const [places, setPlaces] = useState<CatalogPlaces>();
  const [error, setError] = useState<ReturnType<typeof toAppError>>();
  useEffect(() => {
    let live = true;
    const load = () =>
      client()
        .catalog.places()
        .then((value) => live && setPlaces(value))
        .catch((failure: unknown) => live && setError(toAppError(failure)));
    void load();
    const offPlaces = client().on('catalog.placesChanged', (value) => setPlaces(value));
    const offSession = client().on('session.changed', () => void load());
    return () => {
      live = false;
      offPlaces();
      offSession();
    };
  }, []);
  return { places, error, setPlaces };
}

/** The catalog navigation: the user's datasets and workflows, organizations and recent items. */
export function CatalogSidebar() {
  const [sessionVersion, setSessionVersion] = useState(0);
  useEffect(() => client().on('session.changed', () => setSessionVersion((n) => n + 1)), []);
  const me = useLoad(`me:${sessionVersion}`, () => client().catalog.me());
  const { places, error, setPlaces } = usePlaces();
  return (
    <nav className="catalog-sidebar" aria-label="Catalog navigation">
      <section aria-labelledby="sidebar-mine">
        <h2 id="sidebar-mine" className="sidebar-heading">
          Your data
        </h2>
        {me.status === 'loading' ? <Loading label="Loading your account…" /> : null}
        {me.status === 'error' ? <ErrorPanel error={me.error} onRetry={me.reload} compact /> : null}
        {me.status === 'ready' ? <MyData user={me.value} /> : null}
      </section>
      <section aria-labelledby="sidebar-queries">
        <h2 id="sidebar-queries" className="sidebar-heading">
          Queries
        </h2>
        <CatalogLink label="Query workbench" route={{ kind: 'queries' }} />
        <NewQueryButton className="sidebar-link" />
      </section>
      <section aria-labelledby="sidebar-app">
        <h2 id="sidebar-app" className="sidebar-heading">
          App
        </h2>
        <CatalogLink label="Settings" detail="Ctrl+, or ⌘," route={{ kind: 'settings' }} />
      </section>
      {error ? <ErrorPanel error={error} compact /> : null}
      {places ? <OrganizationsSection organizations={places.organizations} onChange={setPlaces} /> : null}
      {places && places.recent.length > 0 ? (
        <section aria-labelledby="sidebar-recent">
          <h2 id="sidebar-recent" className="sidebar-heading">
            Recent
          </h2>
          <ul className="sidebar-list" aria-label="Recent">
            {places.recent.map((item) => (
              <li key={`${item.kind}:${item.ref}`}>
                <CatalogLink
                  label={item.name}
                  qualifier={refQualifier(item.ref)}
                  detail={
                    item.context
                      ? `${item.kind} in ${item.context} · ${item.ref}`
                      : `${item.kind} · ${item.ref}`
                  }
                  route={
                    item.kind === 'dataset'
                      ? { kind: 'dataset', datasetRef: item.ref }
                      : item.kind === 'workflow'
                        ? { kind: 'workflow', workflowRef: item.ref }
                        : { kind: 'table', tableRef: item.ref }
                  }
                />
                {item.context ? <span className="sidebar-context">{item.context}</span> : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </nav>
  );
}

function MyData({ user }: { user: CatalogUser }) {
  return (
    <>
      <CatalogLink
        label={user.fullName ? `${user.fullName} (${user.name})` : user.name}
        route={{ kind: 'owner', owner: user.name, ownerKind: 'user' }}
      />
      <SidebarOwnList user={user.name} kind="datasets" />
      <SidebarOwnList user={user.name} kind="workflows" />
    </>
  );
}
