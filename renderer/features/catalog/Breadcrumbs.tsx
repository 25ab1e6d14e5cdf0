import { useNavigation, type Route } from './navigationStore';

export interface Crumb {
  label: string;
  /** Where the crumb leads; the last crumb (this page) has none. */
  route?: Route;
}

/** Where this page sits: owner › dataset › version › table. */
export function Breadcrumbs({ items }: { items: Crumb[] }) {
  const go = useNavigation((state) => state.go);
  return (
    <nav className="breadcrumbs" aria-label="Breadcrumbs">
      <ol>
        {items.map((item, index) => {
          const last = index === items.length - 1;
          return (
            <li key={`${index}-${item.label}`}>
              {item.route && !last ? (
                <button type="button" className="link" onClick={() => item.route && go(item.route)}>
                  {item.label}
                </button>
              ) : (
                <span aria-current={last ? 'page' : undefined}>{item.label}</span>
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}

/** The owner part of a reference: `demo.iris_species:v1_0.iris` → `demo`. */
export function ownerOfRef(ref: string): string {
  return ref.split('.')[0] ?? ref;
}
