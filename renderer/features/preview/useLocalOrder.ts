import { useEffect, useState } from 'react';
import type { TableView } from '../../../shared/contract/tableViewModel';
import { localViews } from './localViews';

export interface LocalOrder {
  /** The preview and view it was computed for, so an order is never shown for another view. */
  key: string;
  generation: string;
  order: Uint32Array;
  /** False while an order over more loaded rows is being computed (this one still holds). */
  fresh: boolean;
}

/**
 * The loaded rows' display order under a view, computed in the worker. A newer view (or the
 * end of loading) asks again; an answer for anything older is dropped when it arrives.
 */
export function useLocalOrder(
  previewId: string | undefined,
  view: TableView | undefined,
  loadedRows: number,
  complete: boolean,
): LocalOrder | undefined {
  const [result, setResult] = useState<Omit<LocalOrder, 'fresh'>>();
  const key = view ? JSON.stringify([view.sorting, view.filters]) : '';
  // Asked again once loading ends, and not on every batch before that.
  const generation = complete ? 'complete' : loadedRows > 0 ? 'partial' : 'empty';
  useEffect(() => {
    if (!previewId || !view || generation === 'empty') return undefined;
    let current = true;
    void localViews
      .apply(previewId, view.sorting, view.filters)
      .then((order) => {
        if (current) setResult({ key: `${previewId}|${key}`, generation, order });
      })
      .catch(() => undefined);
    return () => {
      current = false;
    };
    // `key` stands for the view.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [previewId, key, generation]);
  if (!result || result.key !== `${previewId ?? ''}|${key}`) return undefined;
  return { ...result, fresh: result.generation === generation };
}
