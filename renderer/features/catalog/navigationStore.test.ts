import { beforeEach, describe, expect, it } from 'vitest';
import { routeKey, useNavigation } from './navigationStore';

describe('navigation history', () => {
  beforeEach(() => useNavigation.getState().reset());

  it('goes back and forward like a browser, dropping forward history on a new visit', () => {
    const nav = () => useNavigation.getState();
    nav().go({ kind: 'dataset', datasetRef: 'demo.iris' });
    nav().go({ kind: 'table', tableRef: 'demo.iris.iris' });
    nav().goBack();
    expect(nav().current).toEqual({ kind: 'dataset', datasetRef: 'demo.iris' });
    nav().goForward();
    expect(nav().current).toEqual({ kind: 'table', tableRef: 'demo.iris.iris' });
    nav().goBack();
    nav().go({ kind: 'workflow', workflowRef: 'demo_user.wf' });
    expect(nav().forward).toEqual([]);
    expect(nav().back.map(routeKey)).toEqual(['home', 'dataset:demo.iris']);
  });

  it('ignores a visit to the page already shown', () => {
    useNavigation.getState().go({ kind: 'home' });
    expect(useNavigation.getState().back).toEqual([]);
  });
});
