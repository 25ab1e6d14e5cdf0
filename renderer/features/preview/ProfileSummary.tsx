import type { ColumnProfile } from '../../../shared/contract/previewModel';

function percent(part: number, whole: number): string {
  if (whole === 0) return '0%';
  const share = (part / whole) * 100;
  return share > 0 && share < 1 ? '<1%' : `${Math.round(share)}%`;
}

/** A column's profile in its header: null share, distinct count and a tiny distribution. */
export function ProfileSummary(props: { column: string; profile?: ColumnProfile; onOpen(): void }) {
  const { profile } = props;
  const ready = profile?.status === 'ready';
  const bins = ready ? (profile.bins ?? []).slice(0, 20) : [];
  const peak = Math.max(1, ...bins.map((bin) => bin.count));
  const rows = profile?.rows ?? 0;
  return (
    <button
      type="button"
      className="pv-profile"
      data-testid={`profile-${props.column}`}
      aria-label={`Profile of ${props.column}`}
      onClick={props.onOpen}
    >
      {!profile || profile.status === 'computing' ? (
        <span className="pv-profile-note">computing…</span>
      ) : profile.status === 'failed' ? (
        <span className="pv-profile-note">no profile</span>
      ) : (
        <>
          <span className="pv-profile-facts">
            <span data-testid={`profile-nulls-${props.column}`}>
              {percent(profile.nullCount ?? 0, rows)} null
            </span>
            {profile.distinct !== undefined ? (
              <span> · {profile.distinct.toLocaleString()} distinct</span>
            ) : null}
          </span>
          <span className="pv-spark" aria-hidden="true">
            {bins.map((bin, index) => (
              <span key={index} style={{ height: `${Math.max(1, Math.round((bin.count / peak) * 14))}px` }} />
            ))}
          </span>
        </>
      )}
    </button>
  );
}
