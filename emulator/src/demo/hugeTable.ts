/** Adds `demo.large_sample.huge` (benchmarks; generated on demand, never part of the template). */
import type { Store } from '../store/store.js';
import { referenceIdFor } from '../store/ids.js';
import { currentVersion } from '../refs/resolveContainer.js';
import { writeMeasurements } from './largeTable.js';

export async function addHugeTable(
  store: Store,
  rows: number,
  onProgress?: (written: number) => void,
): Promise<void> {
  const dataset = Object.values(store.state.datasets).find(
    (d) => d.owner.name === 'demo' && d.name === 'Large sample' && !d.isDeleted,
  );
  if (!dataset) throw new Error('demo.large_sample is missing from this data dir');
  const version = currentVersion(store.state, dataset.id);
  if (!version) throw new Error('demo.large_sample has no released version');
  const { segment, variables } = await writeMeasurements(store.dataDir, rows, onProgress);
  const referenceId = referenceIdFor('table:demo.large_sample.huge');
  const now = Date.now();
  await store.update((state) => {
    for (const table of Object.values(state.tables)) {
      if (
        table.referenceId === referenceId &&
        table.container.kind === 'dataset' &&
        table.container.versionId === version.id
      ) {
        delete state.tables[table.id];
      }
    }
    state.tables[`${referenceId}-${version.id}`] = {
      id: `${referenceId}-${version.id}`,
      referenceId,
      container: { kind: 'dataset', datasetId: dataset.id, versionId: version.id },
      name: 'huge',
      description: `Synthetic measurements (${rows} rows) for benchmarks`,
      entityName: null,
      uploadMergeStrategy: 'append',
      isFileIndex: false,
      createdAt: now,
      updatedAt: now,
      variables,
      segments: [segment],
      temporalRange: null,
      temporalPrecision: null,
      geoBBox: null,
      isDeleted: false,
    };
  });
}
