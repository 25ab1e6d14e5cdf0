import { useEffect, useState } from 'react';
import type { AppInfo } from '../../../shared/contract/appChannels';
import { client } from '../../ui/client';
import { useNavigation } from './navigationStore';

/** The start page: what the app does and how to get going. */
export function HomePage() {
  const [info, setInfo] = useState<AppInfo | undefined>();
  const land = useNavigation((state) => state.land);
  useEffect(() => {
    // On the local demo server, a newcomer starts in the demo organization.
    void client()
      .session.status()
      .then(({ session, servers }) => {
        const onDemo = servers.some((server) => server.kind === 'demo' && server.apiBase === session?.server);
        if (onDemo) land({ kind: 'owner', owner: 'demo', ownerKind: 'organization' });
      })
      .catch(() => undefined);
  }, [land]);
  useEffect(() => {
    void client()
      .app.info()
      .then(setInfo)
      .catch(() => undefined);
  }, []);
  return (
    <section className="welcome">
      <h1>Redivis Desktop</h1>
      <p>Browse, preview, download and upload Redivis data.</p>
      <p className="muted">
        Pick a dataset or organization on the left, or type a reference such as{' '}
        <code>demo.iris_species:v1_0.iris</code> or paste a redivis.com link in the bar above.
      </p>
      {info ? (
        <p className="muted" data-testid="app-version">
          Version {info.version} · {info.mode === 'browser' ? 'browser mode' : 'desktop'}
        </p>
      ) : null}
    </section>
  );
}
