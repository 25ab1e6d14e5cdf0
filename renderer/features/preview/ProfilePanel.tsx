import { useState } from 'react';
import type { ColumnProfile, PreviewColumn } from '../../../shared/contract/previewModel';
import type { FilterValue, ViewFilter } from '../../../shared/contract/tableViewModel';

function show(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'number') return value.toLocaleString(undefined, { maximumFractionDigits: 4 });
  return String(value);
}

interface ProfilePanelProps {
  profile?: ColumnProfile;
  column: string;
  valueLabels?: PreviewColumn['valueLabels'];
  onFilter(filter: ViewFilter): void;
  onClose(): void;
}

/**
 * A column's full profile: its statistics and whole distribution. For categories, each value
 * (with its value label) can be checked to filter the view to "is one of" them.
 */
export function ProfilePanel(props: ProfilePanelProps) {
  const { profile } = props;
  const [checked, setChecked] = useState<FilterValue[]>([]);
  const labels = new Map((props.valueLabels ?? []).map((v) => [v.value, v.label]));
  const bins = (profile?.bins ?? []).map((bin) => ({
    ...bin,
    label: bin.label ?? labels.get(String(bin.value)),
  }));
  const peak = Math.max(1, ...bins.map((bin) => bin.count));
  const categorical = profile?.kind === 'top';
  const toggle = (value: FilterValue, on: boolean) =>
    setChecked((current) => (on ? [...current, value] : current.filter((v) => v !== value)));
  return (
    <section className="pv-profile-panel" aria-label={`Profile of ${props.column}`}>
      <div className="pv-cell-detail-head">
        <strong>{props.column}</strong>
        {profile?.type ? <span className="muted"> {profile.type}</span> : null}
        <button type="button" onClick={props.onClose} aria-label="Close profile">
          ×
        </button>
      </div>
      {!profile || profile.status === 'computing' ? (
        <p className="muted" role="status">
          Redivis is computing this column&apos;s statistics…
        </p>
      ) : profile.status === 'failed' ? (
        <p role="alert">{profile.message ?? 'No profile is available for this column.'}</p>
      ) : (
        <>
          <dl>
            <dt>Rows</dt>
            <dd>{show(profile.rows)}</dd>
            <dt>Nulls</dt>
            <dd data-testid="profile-panel-nulls">{show(profile.nullCount)}</dd>
            <dt>Distinct</dt>
            <dd>{show(profile.distinct)}</dd>
            <dt>Min</dt>
            <dd>{show(profile.min)}</dd>
            <dt>Max</dt>
            <dd>{show(profile.max)}</dd>
            <dt>Mean</dt>
            <dd>{show(profile.mean)}</dd>
            <dt>Median</dt>
            <dd>{show(profile.median)}</dd>
            <dt>Std. deviation</dt>
            <dd>{show(profile.stdDev)}</dd>
          </dl>
          <p className="muted">
            {profile.kind === 'histogram' ? 'Distribution (equal-width bins)' : 'Most frequent values'}
          </p>
          <ol className="pv-dist">
            {bins.map((bin, index) => (
              <li key={index}>
                {categorical ? (
                  <label>
                    <input
                      type="checkbox"
                      checked={checked.includes(bin.value)}
                      onChange={(event) => toggle(bin.value, event.target.checked)}
                    />{' '}
                    {show(bin.value)}
                    {bin.label ? <span className="muted"> {bin.label}</span> : null}
                  </label>
                ) : (
                  <span>
                    {`${show(bin.value)} – ${show(bin.to)}`}
                    {bin.label ? <span className="muted"> {bin.label}</span> : null}
                  </span>
                )}
                <span className="pv-dist-bar" style={{ width: `${(bin.count / peak) * 100}%` }} />
                <span className="pv-dist-count">{bin.count.toLocaleString()}</span>
              </li>
            ))}
          </ol>
          {categorical ? (
            <button
              type="button"
              disabled={checked.length === 0}
              onClick={() => props.onFilter({ column: props.column, op: 'in', values: checked })}
            >
              Show rows that are one of these ({checked.length})
            </button>
          ) : null}
        </>
      )}
    </section>
  );
}
