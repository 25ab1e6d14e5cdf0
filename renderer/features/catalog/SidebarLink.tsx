import { routeKey, useNavigation, type Route } from './navigationStore';

/** A sidebar entry; marked as the current page when it is. */
export function SidebarLink({ label, route, detail }: { label: string; route: Route; detail?: string }) {
  const go = useNavigation((state) => state.go);
  const active = useNavigation((state) => routeKey(state.current) === routeKey(route));
  return (
    <button
      type="button"
      className={active ? 'sidebar-link active' : 'sidebar-link'}
      aria-current={active ? 'page' : undefined}
      title={detail ? `${label} · ${detail}` : label}
      onClick={() => go(route)}
    >
      {label}
    </button>
  );
}
