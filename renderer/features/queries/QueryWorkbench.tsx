import { useEffect } from 'react';
import { QuerySidePanel } from './QuerySidePanel';
import { QueryTabPanel } from './QueryTabPanel';
import { useQueries } from './queriesStore';
import './queries.css';

/** The query workbench: tabs of SQL run on Redivis, with history and saved queries beside them. */
export function QueryWorkbench() {
  const tabs = useQueries((state) => state.tabs);
  const activeId = useQueries((state) => state.activeId);
  const loaded = useQueries((state) => state.loaded);
  const { load, open, close, activate } = useQueries.getState();
  useEffect(() => {
    void load();
  }, [load]);
  const active = tabs.find((tab) => tab.id === activeId) ?? tabs[0];
  return (
    <div className="qw" data-testid="query-workbench">
      <div className="qw-main">
        <div className="qw-tabs" role="tablist" aria-label="Queries">
          {tabs.map((tab) => (
            <div key={tab.id} className="qw-tab" data-active={tab.id === active?.id || undefined}>
              <button
                type="button"
                role="tab"
                aria-selected={tab.id === active?.id}
                onClick={() => activate(tab.id)}
                onAuxClick={(e) => e.button === 1 && close(tab.id)}
              >
                {tab.title}
              </button>
              <button
                type="button"
                className="qw-tab-close"
                aria-label={`Close ${tab.title}`}
                onClick={() => close(tab.id)}
              >
                ×
              </button>
            </div>
          ))}
          <button type="button" className="qw-new" onClick={() => open({})}>
            + New query
          </button>
        </div>
        {active ? (
          <QueryTabPanel key={active.id} tab={active} />
        ) : loaded ? (
          <div className="empty-state">
            <p>No query is open.</p>
            <button type="button" onClick={() => open({})}>
              New query
            </button>
          </div>
        ) : null}
      </div>
      <QuerySidePanel />
    </div>
  );
}
