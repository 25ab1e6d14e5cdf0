import type { SignInProgress } from '../../../shared/contract/sessionChannels';
import { client } from '../../ui/client';
import { DelayedSpinner } from '../../ui/DelayedSpinner';

/** The waiting state of a sign-in: what the user should do now, and Cancel. */
export function SignInWaiting({ progress, kind }: { progress: SignInProgress | null; kind: string }) {
  const cancel = () => void client().session.cancelSignIn();
  return (
    <section className="session-waiting" aria-label="Waiting for sign-in" aria-live="polite">
      {progress?.kind === 'device' ? (
        <>
          <p>On any device, open the verification page and enter this code:</p>
          <p className="device-code" aria-label="Device code">
            {progress.userCode}
          </p>
          <p className="muted">
            Verification page: <span className="session-url">{progress.verificationUri}</span>
          </p>
          <p className="muted">The code works until {new Date(progress.expiresAt).toLocaleTimeString()}.</p>
          <div className="session-row">
            <button
              type="button"
              className="primary"
              onClick={() => void client().session.openDeviceVerification()}
            >
              Open verification page
            </button>
            <button type="button" onClick={cancel}>
              Cancel
            </button>
          </div>
        </>
      ) : (
        <>
          <p>
            <DelayedSpinner label="Signing in" />{' '}
            {kind === 'browser'
              ? 'Approve the sign-in in your browser, then come back here.'
              : kind === 'device'
                ? 'Asking the server for a code…'
                : 'Checking the token…'}
          </p>
          <div className="session-row">
            {progress?.kind === 'browser' ? (
              <button
                type="button"
                onClick={() => void client().app.openExternal({ url: progress.authorizeUrl })}
              >
                Open the sign-in page again
              </button>
            ) : null}
            {kind !== 'token' ? (
              <button type="button" onClick={cancel}>
                Cancel
              </button>
            ) : null}
          </div>
          {progress?.kind === 'browser' ? (
            <details>
              <summary>Browser did not open?</summary>
              <p className="muted">Copy this address into your browser:</p>
              <p className="session-url">{progress.authorizeUrl}</p>
            </details>
          ) : null}
        </>
      )}
    </section>
  );
}
