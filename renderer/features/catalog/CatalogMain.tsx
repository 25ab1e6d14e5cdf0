import { useEffect, useState } from 'react';
import type { AppInfo } from '../../../shared/contract/appChannels';
import { client } from '../../app/client';

/** The main pane: the page for whatever is selected in the catalog. */
export function CatalogMain() {
  const [info, setInfo] = useState<AppInfo | undefined>();
  useEffect(() => {
    void client().app.info().then(setInfo);
  }, []);
  return (
    <section className="welcome">
      <h1>Redivis Desktop</h1>
      <p>Browse, preview, download and upload Redivis data.</p>
      {info ? (
        <p className="muted" data-testid="app-version">
          Version {info.version} · {info.mode === 'browser' ? 'browser mode' : 'desktop'}
        </p>
      ) : null}
    </section>
  );
}
