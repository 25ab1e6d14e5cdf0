// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, expect, it } from 'vitest';
import type { ViewFilter } from '../../../shared/contract/tableViewModel';
import { CellMenu } from './CellMenu';

afterEach(cleanup);

/** A parent that re-renders on demand (as the table page does when rows or profiles arrive). */
function Page(props: { picked: ViewFilter[] }) {
  const [renders, setRenders] = useState(0);
  const [open, setOpen] = useState(true);
  return (
    <>
      <button type="button" onClick={() => setRenders(renders + 1)}>
        Re-render {renders}
      </button>
      {open ? (
        <CellMenu
          target={{ column: 'category', cell: { text: 'beta', kind: 'text' }, x: 0, y: 0 }}
          onFilter={(filter) => props.picked.push(filter)}
          onClose={() => setOpen(false)}
        />
      ) : null}
    </>
  );
}

it('keeps focus on the item the user moved to when the page behind it re-renders', () => {
  const picked: ViewFilter[] = [];
  render(<Page picked={picked} />);
  const keep = screen.getByRole('menuitem', { name: 'Filter to beta' });
  const exclude = screen.getByRole('menuitem', { name: 'Exclude beta' });
  expect(document.activeElement).toBe(keep);
  fireEvent.keyDown(keep, { key: 'ArrowDown' });
  expect(document.activeElement).toBe(exclude);

  fireEvent.click(screen.getByRole('button', { name: /^Re-render/ }));
  expect(screen.getByRole('button', { name: 'Re-render 1' })).toBeTruthy();
  expect(document.activeElement).toBe(exclude);

  fireEvent.click(exclude);
  expect(picked).toEqual([{ column: 'category', op: 'ne', value: 'beta' }]);
  expect(screen.queryByRole('menu')).toBeNull();
});
