import { describeFilter, type ViewFilter } from '../../../shared/contract/tableViewModel';

/** The view's active filters, each removable. */
export function FilterChips(props: {
  filters: readonly ViewFilter[];
  onRemove(index: number): void;
  onClear(): void;
}) {
  if (props.filters.length === 0) return null;
  return (
    <ul className="pv-chips" aria-label="Active filters">
      {props.filters.map((filter, index) => {
        const text = describeFilter(filter);
        return (
          <li key={`${index}:${text}`} className="pv-chip">
            <span>{text}</span>
            <button type="button" aria-label={`Remove filter ${text}`} onClick={() => props.onRemove(index)}>
              ×
            </button>
          </li>
        );
      })}
      {props.filters.length > 1 ? (
        <li>
          <button type="button" className="link" onClick={props.onClear}>
            Clear filters
          </button>
        </li>
      ) : null}
    </ul>
  );
}
