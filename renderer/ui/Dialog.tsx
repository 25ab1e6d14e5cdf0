import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import './ui.css';

interface Props {
  /** The heading; it also names the dialog (aria-labelledby). */
  title: ReactNode;
  onClose(): void;
  /** Extra class for the dialog box, e.g. its width. */
  className?: string;
  children: ReactNode;
}

const focusable =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), summary, [tabindex]:not([tabindex="-1"])';

/**
 * The one modal dialog: named by its title, Escape closes it, Tab stays inside it, and on
 * closing the keyboard focus goes back to what had it before (the button that opened it).
 */
export function Dialog({ title, onClose, className, children }: Props) {
  const titleId = useId();
  const box = useRef<HTMLDivElement>(null);
  // Taken while rendering, before an autoFocus field inside takes the focus.
  const [opener] = useState(() =>
    document.activeElement instanceof HTMLElement ? document.activeElement : null,
  );

  useEffect(() => {
    const dialog = box.current;
    if (dialog && !dialog.contains(document.activeElement)) dialog.focus();
    // Focus that leaves (a click on the backdrop, a programmatic focus) comes back inside.
    const keepInside = (event: FocusEvent) => {
      if (dialog && event.target instanceof Node && !dialog.contains(event.target)) dialog.focus();
    };
    document.addEventListener('focusin', keepInside);
    return () => {
      document.removeEventListener('focusin', keepInside);
      if (opener?.isConnected) opener.focus();
    };
  }, [opener]);

  const onKeyDown = (event: React.KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      onClose();
      return;
    }
    if (event.key !== 'Tab' || !box.current) return;
    const stops = [...box.current.querySelectorAll<HTMLElement>(focusable)].filter(
      (el) => !el.closest('[hidden]'),
    );
    const first = stops[0];
    const last = stops[stops.length - 1];
    if (!first || !last) {
      event.preventDefault();
      return;
    }
    const active = document.activeElement;
    if (event.shiftKey && (active === first || active === box.current)) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && active === last) {
      event.preventDefault();
      first.focus();
    }
  };

  return (
    <div className="dialog-backdrop">
      <div
        ref={box}
        className={className ? `dialog ${className}` : 'dialog'}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        tabIndex={-1}
        onKeyDown={onKeyDown}
      >
        <h2 id={titleId} className="dialog-title">
          {title}
        </h2>
        {children}
      </div>
    </div>
  );
}
