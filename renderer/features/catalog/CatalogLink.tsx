import { useCallback, useState, type MouseEvent } from 'react';
import { LinkMenu } from './LinkMenu';
import { routeKey, useNavigation, type Route } from './navigationStore';
import { hashOfRoute } from './routeUrl';

/** A plain left click stays in this window; a middle or modified click is the browser's (new tab, copy link). */
function isPlainClick(event: MouseEvent): boolean {
  return event.button === 0 && !event.metaKey && !event.ctrlKey && !event.shiftKey && !event.altKey;
}

/**
 * A catalog entry (in the sidebar or a page's lists): a real link to the page's address
 * (`#/table/…`), so it can be opened in a new tab or copied like any link, with the app's own
 * menu (Copy link, Open in new window); marked as the current page when it is. `qualifier` tells
 * apart entries of one name (a version, the sample).
 */
export function CatalogLink({
  label,
  route,
  detail,
  qualifier,
  className = 'sidebar-link',
}: {
  label: string;
  route: Route;
  detail?: string;
  qualifier?: string;
  /** `sidebar-link` in the sidebar; a page's lists pass their own. */
  className?: string;
}) {
  const go = useNavigation((state) => state.go);
  const active = useNavigation((state) => routeKey(state.current) === routeKey(route));
  const [menuAt, setMenuAt] = useState<{ x: number; y: number }>();
  const closeMenu = useCallback(() => setMenuAt(undefined), []);
  return (
    <>
      <a
        href={hashOfRoute(route)}
        className={active ? `${className} active` : className}
        aria-current={active ? 'page' : undefined}
        title={detail ? `${label} · ${detail}` : label}
        onClick={(event) => {
          if (!isPlainClick(event)) return;
          event.preventDefault();
          go(route);
        }}
        onContextMenu={(event) => {
          // The app's own menu (Copy link), also from the keyboard's context-menu key.
          event.preventDefault();
          const box = event.currentTarget.getBoundingClientRect();
          setMenuAt(
            event.clientX || event.clientY
              ? { x: event.clientX, y: event.clientY }
              : { x: box.left, y: box.bottom },
          );
        }}
      >
        {label}
        {qualifier ? <span className="sidebar-qualifier"> {qualifier}</span> : null}
      </a>
      {menuAt ? <LinkMenu route={route} label={label} x={menuAt.x} y={menuAt.y} onClose={closeMenu} /> : null}
    </>
  );
}
