import { useId } from 'react';
import { useSession } from './sessionStore';

/** Which Redivis server to sign in to: the known ones, or any API endpoint under "Advanced". */
export function ServerChoice({ disabled }: { disabled: boolean }) {
  const servers = useSession((s) => s.status?.servers ?? []);
  const defaultServer = useSession((s) => s.status?.defaultServer);
  const server = useSession((s) => s.server ?? defaultServer);
  const custom = useSession((s) => s.customEndpoint);
  const setServer = useSession((s) => s.setServer);
  const setCustom = useSession((s) => s.setCustomEndpoint);
  const customId = useId();
  return (
    <fieldset className="session-fieldset" disabled={disabled}>
      <legend>Server</legend>
      {servers.map((option) => (
        <label key={option.apiBase} className="session-choice">
          <input
            type="radio"
            name="server"
            value={option.apiBase}
            checked={!custom.trim() && server === option.apiBase}
            onChange={() => {
              setServer(option.apiBase);
              setCustom('');
            }}
          />
          <span>
            {option.label}
            {option.kind !== 'redivis' ? <span className="muted"> ({option.apiBase})</span> : null}
          </span>
        </label>
      ))}
      <details className="session-advanced" open={custom.trim() !== ''}>
        <summary>Advanced</summary>
        <label htmlFor={customId}>API endpoint</label>
        <input
          id={customId}
          type="url"
          placeholder="https://redivis.com/api/v1"
          value={custom}
          spellCheck={false}
          onChange={(event) => setCustom(event.target.value)}
        />
        <p className="muted">Used instead of the choice above when filled in.</p>
      </details>
    </fieldset>
  );
}
