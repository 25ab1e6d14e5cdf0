import { useId, useState, type FormEvent } from 'react';
import type { CatalogTarget } from '../../../shared/contract/catalogModel';
import { parseReference } from '../../../shared/contract/catalogReference';
import type { AppError } from '../../../shared/contract/errors';
import { client } from '../../ui/client';
import { toAppError } from '../../ui/errorText';
import { useNavigation, type Route } from './navigationStore';
import { useDelayedFlag } from './usePageLoad';

export function routeOfTarget(target: CatalogTarget): Route {
  if (target.kind === 'owner') return { kind: 'owner', owner: target.owner, ownerKind: target.ownerKind };
  return target;
}

/**
 * Accepts any Redivis reference (`owner.dataset:v1_0.table`, with or without ids, `:next`,
 * `:current`) or a redivis.com link and goes there. Malformed input is explained at once,
 * before anything is sent; references that do not exist are explained after the lookup.
 */
export function ReferenceBar() {
  const go = useNavigation((state) => state.go);
  const [text, setText] = useState('');
  const [error, setError] = useState<AppError>();
  const [busy, setBusy] = useState(false);
  const showSpinner = useDelayedFlag(busy);
  const messageId = useId();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const parsed = parseReference(text);
    if (!parsed.ok) {
      setError({ code: 'bad_input', message: parsed.message });
      return;
    }
    setError(undefined);
    setBusy(true);
    try {
      const target = await client().catalog.resolveReference({ input: text });
      setText('');
      go(routeOfTarget(target));
    } catch (failure) {
      setError(toAppError(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="reference-bar"
      role="search"
      aria-label="Go to a reference"
      onSubmit={(e) => void submit(e)}
    >
      <input
        type="text"
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          setError(undefined);
        }}
        placeholder="Go to a reference or redivis.com link, e.g. demo.iris_species:v1_0.iris"
        aria-label="Reference or link"
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? messageId : undefined}
        spellCheck={false}
        autoComplete="off"
      />
      <button type="submit" disabled={busy || !text.trim()}>
        {showSpinner ? <span className="spinner small" aria-hidden="true" /> : null}
        Go
      </button>
      {error ? (
        <p id={messageId} className="reference-bar-error" role="alert">
          {error.message}
        </p>
      ) : null}
    </form>
  );
}
