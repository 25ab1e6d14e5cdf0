import { useEffect, useState } from 'react';
import type { AppError } from '../../../shared/contract/errors';
import { client } from '../../ui/client';
import { toAppError } from '../../ui/errorText';
import { ErrorNotice } from './ErrorNotice';
import type { UploadTarget } from './uploadTarget';
import { useDelayed } from '../../ui/useDelayed';

/** Asks where dropped files go when they were dropped on no dataset or table. */
export function DestinationPicker(props: { onPick(target: UploadTarget): void }) {
  const [datasets, setDatasets] = useState<{ datasetRef: string; name: string }[]>();
  const [error, setError] = useState<AppError>();
  const spinner = useDelayed(!datasets && !error);

  useEffect(() => {
    let live = true;
    client()
      .uploads.editableDatasets()
      .then(
        (list) => live && setDatasets(list),
        (caught: unknown) => live && setError(toAppError(caught)),
      );
    return () => {
      live = false;
    };
  }, []);

  if (error) return <ErrorNotice error={error} />;
  if (!datasets) return spinner ? <span className="spinner" aria-label="Loading your datasets" /> : null;
  if (datasets.length === 0) {
    return (
      <p className="empty-state">
        You have no datasets you can upload to. Open a dataset first, then drop the files on it.
      </p>
    );
  }
  return (
    <label className="destination-picker">
      Upload into the dataset
      <select
        defaultValue=""
        onChange={(event) => {
          const dataset = datasets.find((d) => d.datasetRef === event.target.value);
          if (dataset)
            props.onPick({ kind: 'dataset', datasetRef: dataset.datasetRef, datasetName: dataset.name });
        }}
      >
        <option value="" disabled>
          Choose a dataset…
        </option>
        {datasets.map((dataset) => (
          <option key={dataset.datasetRef} value={dataset.datasetRef}>
            {dataset.name}
          </option>
        ))}
      </select>
    </label>
  );
}
