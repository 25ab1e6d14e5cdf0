import { useEffect, useRef, useState } from 'react';
import { client } from '../../ui/client';
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

let desktop: Promise<boolean> | undefined;
/** Whether this is the desktop app (which has windows of its own); asked once. */
function isDesktop(): Promise<boolean> {
  desktop ??= client()
    .app.info()
    .then((info) => info.mode === 'electron')
    .catch(() => false);
  return desktop;
}

/**
 * The context menu of a catalog link: copy its reference, and in the desktop app open it in a
 * new window (browser mode's own menu opens links in a new tab). Escape or a click elsewhere closes it.
 */
export function LinkMenu(props: { route: Route; label: string; x: number; y: number; onClose(): void }) {
  const menu = useRef<HTMLDivElement>(null);
  const [canOpenWindow, setCanOpenWindow] = useState(false);
  const { onClose } = props;
  useEffect(() => {
    let live = true;
    void isDesktop().then((value) => live && setCanOpenWindow(value));
    return () => {
      live = false;
    };
  }, []);
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
      {canOpenWindow ? (
        <button
          type="button"
          role="menuitem"
          onClick={() => {
            void client()
              .app.openWindow({ route: hashOfRoute(props.route) })
              .catch(() => undefined);
            onClose();
          }}
        >
          Open in new window
        </button>
      ) : null}
    </div>
  );
}
