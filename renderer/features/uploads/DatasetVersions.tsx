import { useEffect, useState } from 'react';
import type { Destination } from '../../../shared/contract/uploadModel';
import { client } from '../../app/client';
import { VersionActions } from './VersionActions';

/**
 * The version actions of a dataset page (create next version, release, unrelease), shown only
 * to users who can edit the dataset. `onChanged` lets the page reload its versions and tables.
 */
export function DatasetVersions(props: { datasetRef: string; onChanged(): void }) {
  const { datasetRef, onChanged } = props;
  const [destination, setDestination] = useState<Destination>();
  useEffect(() => {
    let live = true;
    client()
      .uploads.destination({ ref: datasetRef, kind: 'dataset' })
      .then((found) => live && setDestination(found))
      // Without edit rights (or when the check fails) the page simply shows no actions.
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [datasetRef]);
  if (!destination?.canEdit) return null;
  return (
    <div className="dataset-versions">
      <VersionActions
        destination={destination}
        onChange={(next) => {
          setDestination(next);
          onChanged();
        }}
      />
    </div>
  );
}
