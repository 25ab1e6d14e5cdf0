import { useEffect, useRef } from 'react';
import type { Route } from './navigationStore';
import { hashOfRoute } from './routeUrl';

/** The reference the reference bar reads back as this page (`demo.iris_species:v1_0.iris`), or its address. */
export function referenceOfRoute(route: Route): string {
  switch (route.kind) {
    case 'table':
      return route.tableRef;
    case 'dataset':
      return route.datasetRef;
    case 'workflow':
      return route.workflowRef;
    case 'owner':
      return route.owner;
    default:
      return hashOfRoute(route);
  }
}

/** Copies from a click or key handler: a trusted `copy` event needs no permission; the async API is the fallback. */
function copyText(text: string): void {
  let handled = false;
  const onCopy = (event: ClipboardEvent) => {
    event.clipboardData?.setData('text/plain', text);
    event.preventDefault();
    handled = Boolean(event.clipboardData);
  };
  document.addEventListener('copy', onCopy, { capture: true });
  try {
    document.execCommand('copy');
  } finally {
    document.removeEventListener('copy', onCopy, { capture: true });
  }
  if (!handled) void navigator.clipboard?.writeText(text).catch(() => undefined);
}

/** The context menu of a catalog link: copy its reference. Escape or a click elsewhere closes it. */
export function LinkMenu(props: { route: Route; label: string; x: number; y: number; onClose(): void }) {
  const menu = useRef<HTMLDivElement>(null);
  const { onClose } = props;
  useEffect(() => {
    menu.current?.querySelector<HTMLButtonElement>('button')?.focus();
    const away = (event: PointerEvent) => {
      if (!menu.current?.contains(event.target as Node)) onClose();
    };
    document.addEventListener('pointerdown', away, { capture: true });
    return () => document.removeEventListener('pointerdown', away, { capture: true });
  }, [onClose]);
  return (
    <div
      ref={menu}
      role="menu"
      aria-label={`Actions for ${props.label}`}
      className="link-menu"
      style={{ left: props.x, top: props.y }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onClose();
      }}
    >
      <button
        type="button"
        role="menuitem"
        onClick={() => {
          copyText(referenceOfRoute(props.route));
          onClose();
        }}
      >
        Copy link
      </button>
    </div>
  );
}
