import { describe, expect, it } from 'vitest';
import { emptyPreviewView } from '../../../shared/contract/previewModel';
import { shownColumns } from './viewColumns';

describe('shownColumns', () => {
  const all = ['id', 'value', 'category', 'day'];
  it('keeps the table order when nothing was arranged', () => {
    expect(shownColumns(emptyPreviewView(), all)).toEqual(all);
  });
  it('follows the arranged order, drops hidden columns, and keeps to chosen variables', () => {
    const view = { ...emptyPreviewView(), columnOrder: ['day', 'id'], hidden: ['VALUE'] };
    expect(shownColumns(view, all)).toEqual(['day', 'id', 'category']);
    expect(shownColumns({ ...view, selectedVariables: ['category', 'id'] }, all)).toEqual(['id', 'category']);
  });
});
