import { useEffect, useState } from 'react';
import type { Destination } from '../../../shared/contract/uploadModel';
import { client } from '../../ui/client';
import { VersionActions } from './VersionActions';

/**
 * The version actions of a dataset page (create next version, release, unrelease), shown only
 * to users who can edit the dataset. `onChanged` lets the page reload its versions and tables.
 */
export function DatasetVersions(props: { datasetRef: string; onChanged(): void }) {
  const { datasetRef, onChanged } = props;
  const [destination, setDestination] = useState<Destination>();
  const [granted, setGranted] = useState(0);
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
  }, [datasetRef, granted]);
  // Without edit rights the page shows no actions, unless a read-only sign-in is the reason.
  if (!destination?.canEdit && !destination?.readOnlySignIn) return null;
  return (
    <div className="dataset-versions">
      <VersionActions
        destination={destination}
        onChange={(next) => {
          setDestination(next);
          onChanged();
        }}
        onGranted={() => {
          setGranted((n) => n + 1);
          onChanged();
        }}
      />
    </div>
  );
}
