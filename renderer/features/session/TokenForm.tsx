import { useId, useState, type FormEvent } from 'react';

/** Pasting an API token (created in Redivis under workspace settings → API tokens). */
export function TokenForm({
  busy,
  onSubmit,
  onBack,
}: {
  busy: boolean;
  onSubmit(token: string): void;
  onBack(): void;
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
        Create one on Redivis under Workspace → Settings → API tokens. It is kept encrypted on this computer
        and never shown again.
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
