import { useId, useState, type FormEvent } from 'react';
import type { TokenProtection } from '../../../shared/contract/sessionChannels';

function storageSentence(protection: TokenProtection | undefined): string {
  if (protection === 'os_keychain') return 'It is kept encrypted on this computer and never shown again.';
  if (protection === 'memory') return 'It is kept in memory for this run only and never shown again.';
  // Weak or no encryption: the warning below the form says how it is kept.
  return 'It is saved on this computer (see below) and never shown again.';
}

/** Pasting an API token (created in Redivis under workspace settings → API tokens). */
export function TokenForm({
  busy,
  onSubmit,
  onBack,
  protection,
}: {
  busy: boolean;
  onSubmit(token: string): void;
  onBack(): void;
  /** How this computer keeps sign-ins: the form says the same as the warning below it. */
  protection?: TokenProtection;
}) {
  const [token, setToken] = useState('');
  const id = useId();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (token.trim()) onSubmit(token.trim());
  };
  return (
    <form className="session-token" onSubmit={submit}>
      <label htmlFor={id}>API token</label>
      <input
        id={id}
        type="password"
        autoComplete="off"
        spellCheck={false}
        value={token}
        onChange={(event) => setToken(event.target.value)}
        disabled={busy}
        autoFocus
      />
      <p className="muted">
        Create one on Redivis under Workspace → Settings → API tokens. {storageSentence(protection)}
      </p>
      <div className="session-row">
        <button type="submit" className="primary" disabled={busy || !token.trim()}>
          Sign in with token
        </button>
        <button type="button" onClick={onBack} disabled={busy}>
          Back
        </button>
      </div>
    </form>
  );
}
