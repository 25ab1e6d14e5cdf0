import { useState } from 'react';
import type { AppError } from '../../../shared/contract/errors';
import type { Destination } from '../../../shared/contract/uploadModel';
import { client } from '../../ui/client';
import { toAppError } from '../../ui/errorText';
import { ErrorNotice } from './ErrorNotice';
import { GrantAccessButton } from '../session/GrantAccessButton';
import { useDelayed } from '../../ui/useDelayed';
import './uploads.css';

type Confirming = 'release' | 'unrelease' | null;

/**
 * The version state of a dataset the user can edit, with its actions: create the next
 * version (uploads need one), release it with notes, or unrelease a recent release. Releasing
 * and unreleasing ask for confirmation first.
 */
export function VersionActions(props: {
  destination: Destination;
  onChange(destination: Destination): void;
  /** After the user granted editing access: look again. */
  onGranted?(): void;
}) {
  const { destination } = props;
  const [confirming, setConfirming] = useState<Confirming>(null);
  const [notes, setNotes] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError>();
  const spinner = useDelayed(busy);

  if (!destination.canEdit && destination.readOnlySignIn) {
    const readOnly: AppError = {
      code: 'insufficient_scope',
      message: `Your sign-in is read-only, so the app cannot change ${destination.datasetName}.`,
      detail: 'data.edit',
      action: 'grant_access',
    };
    return (
      <section className="version-actions" aria-label="Release">
        <p className="version-state">
          {readOnly.message} <GrantAccessButton error={readOnly} onGranted={props.onGranted} />
        </p>
      </section>
    );
  }
  if (!destination.canEdit) {
    return <p className="version-state">You can view {destination.datasetName} but not change it.</p>;
  }

  const run = async (action: () => Promise<Destination>) => {
    setBusy(true);
    setError(undefined);
    try {
      props.onChange(await action());
      setConfirming(null);
      setNotes('');
    } catch (caught) {
      setError(toAppError(caught));
    } finally {
      setBusy(false);
    }
  };
  const { datasetRef } = destination;
  const current = destination.currentVersion;

  return (
    <section className="version-actions" aria-label="Release">
      {destination.nextVersion ? (
        <p className="version-state">
          Uploads go into the unreleased version of {destination.datasetName}. Others see them once it is
          released.
        </p>
      ) : (
        <p className="version-state">
          {destination.datasetName} has no unreleased version. Uploads go only into an unreleased version.
        </p>
      )}
      {confirming === null && (
        <div className="version-buttons">
          {destination.nextVersion ? (
            <button type="button" disabled={busy} onClick={() => setConfirming('release')}>
              Release version…
            </button>
          ) : (
            <button
              type="button"
              className="primary"
              disabled={busy}
              onClick={() => void run(() => client().uploads.createNextVersion({ datasetRef }))}
            >
              Create next version
            </button>
          )}
          {!destination.nextVersion && current?.canUnrelease && (
            <button type="button" disabled={busy} onClick={() => setConfirming('unrelease')}>
              Unrelease {current.tag}…
            </button>
          )}
          {spinner && <span className="spinner" aria-label="Working" />}
        </div>
      )}
      {confirming === 'release' && (
        <div className="version-confirm" role="group" aria-label="Confirm release">
          <p>Release the next version of {destination.datasetName}? Everyone with access will see it.</p>
          <label>
            Release notes
            <textarea value={notes} rows={3} onChange={(event) => setNotes(event.target.value)} />
          </label>
          <div className="version-buttons">
            <button
              type="button"
              className="primary"
              disabled={busy}
              onClick={() => void run(() => client().uploads.release({ datasetRef, releaseNotes: notes }))}
            >
              Release
            </button>
            <button type="button" disabled={busy} onClick={() => setConfirming(null)}>
              Cancel
            </button>
          </div>
        </div>
      )}
      {confirming === 'unrelease' && current && (
        <div className="version-confirm" role="group" aria-label="Confirm unrelease">
          <p>
            Unrelease {current.tag} of {destination.datasetName}? It becomes the unreleased version again and
            others stop seeing it.
          </p>
          <div className="version-buttons">
            <button
              type="button"
              className="danger"
              disabled={busy}
              onClick={() => void run(() => client().uploads.unrelease({ datasetRef }))}
            >
              Unrelease
            </button>
            <button type="button" disabled={busy} onClick={() => setConfirming(null)}>
              Cancel
            </button>
          </div>
        </div>
      )}
      {error && <ErrorNotice error={error} />}
    </section>
  );
}
