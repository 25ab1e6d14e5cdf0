import { client } from '../../ui/client';
import { CatalogLink } from './CatalogLink';
import { ErrorPanel, Loading } from './catalogStates';
import { usePagedList } from './usePagedList';

const SHOWN = 8;

/** The signed-in user's own datasets or workflows: the first few, then a link to all of them. */
export function SidebarOwnList({ user, kind }: { user: string; kind: 'datasets' | 'workflows' }) {
  const owner = { kind: 'user' as const, name: user };
  const list = usePagedList(`sidebar:${kind}:${user}`, (pageToken) =>
    kind === 'datasets'
      ? client().catalog.listDatasets({ owner, pageToken })
      : client().catalog.listWorkflows({ owner, pageToken }),
  );
  const title = kind === 'datasets' ? 'Your datasets' : 'Your workflows';
  if (list.loading) return <Loading label={`Loading ${title.toLowerCase()}…`} />;
  if (list.error) return <ErrorPanel error={list.error} onRetry={list.reload} compact />;
  if (list.items.length === 0) return null;
  return (
    <div className="sidebar-group">
      <h3 className="sidebar-subheading">{title}</h3>
      <ul className="sidebar-list" aria-label={title}>
        {list.items.slice(0, SHOWN).map((item) => (
          <li key={item.ref}>
            <CatalogLink
              label={item.name}
              route={
                kind === 'datasets'
                  ? { kind: 'dataset', datasetRef: item.ref }
                  : { kind: 'workflow', workflowRef: item.ref }
              }
            />
          </li>
        ))}
      </ul>
      {list.items.length > SHOWN || list.hasMore ? (
        <CatalogLink
          label={`All ${title.toLowerCase()}…`}
          route={{ kind: 'owner', owner: user, ownerKind: 'user' }}
        />
      ) : null}
    </div>
  );
}
