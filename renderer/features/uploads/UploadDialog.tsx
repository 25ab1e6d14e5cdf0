import { useEffect, useMemo, useState } from 'react';
import type { AppError } from '../../../shared/contract/errors';
import { client } from '../../ui/client';
import { toAppError } from '../../ui/errorText';
import { DestinationPicker } from './DestinationPicker';
import { ErrorNotice } from './ErrorNotice';
import { FilePlanRow } from './FilePlanRow';
import type { UploadTarget } from './uploadTarget';
import { conflictDefault, initialPlan, toStartParams, type FilePlan } from './uploadPlan';
import { useUploads, type UploadDraft } from './uploadsStore';
import { DelayedSpinner } from '../../ui/DelayedSpinner';
import { Dialog } from '../../ui/Dialog';
import { useUploadPreparation } from './useUploadPreparation';
import { VersionActions } from './VersionActions';
import './uploads.css';

const conflictKey = (plan: FilePlan) =>
  plan.into.kind === 'table' ? `${plan.into.tableRef}\n${plan.name}` : '';

/** Where the dropped files go and how they are read; starting it hands each file to a job. */
export function UploadDialog(props: { draft: UploadDraft }) {
  const close = useUploads((state) => state.close);
  const started = useUploads((state) => state.started);
  const [target, setTarget] = useState<UploadTarget | null>(props.draft.target);
  const prep = useUploadPreparation(props.draft.files, target);
  // The user's edits belong to the destination they were made for; a new one starts over.
  const [edited, setEdited] = useState<{ basis: object; plans: FilePlan[] }>();
  const [conflicts, setConflicts] = useState<Record<string, boolean>>({});
  const [starting, setStarting] = useState(false);
  const [error, setError] = useState<AppError>();
  const { files, destination } = prep;
  const loading = !error && !prep.error && (!files || (target !== null && !destination));

  const initial = useMemo(
    () =>
      files && destination && target
        ? files.map((file) => initialPlan(file, target, destination))
        : undefined,
    [files, destination, target],
  );
  const plans = edited && edited.basis === destination ? edited.plans : initial;
  const editPlan = (index: number, next: FilePlan) => {
    if (!plans || !destination) return;
    setEdited({ basis: destination, plans: plans.map((p, i) => (i === index ? next : p)) });
  };

  useEffect(() => {
    // Ask once per table and name whether an upload of that name exists already.
    const missing = (plans ?? []).filter(
      (p) =>
        p.into.kind === 'table' && p.file.kind === 'tabular' && !p.blocked && !(conflictKey(p) in conflicts),
    );
    for (const plan of missing) {
      if (plan.into.kind !== 'table') continue;
      const key = conflictKey(plan);
      client()
        .uploads.exists({ tableRef: plan.into.tableRef, name: plan.name })
        .then(
          (exists) => setConflicts((known) => ({ ...known, [key]: exists })),
          () => setConflicts((known) => ({ ...known, [key]: false })),
        );
    }
  }, [plans, conflicts]);

  const strategyOf = (plan: FilePlan) =>
    plan.into.kind === 'table'
      ? destination?.tables.find((t) => t.tableRef === (plan.into as { tableRef: string }).tableRef)
          ?.uploadMergeStrategy
      : undefined;
  const shown = (plans ?? []).map((plan) => ({
    ...plan,
    exists: conflicts[conflictKey(plan)] === true,
    onConflict: plan.onConflict ?? conflictDefault(strategyOf(plan)),
  }));
  const sendable = shown.filter(
    (plan) =>
      !plan.blocked && !(plan.exists && plan.onConflict === 'skip') && plan.into.tableName.trim() !== '',
  );
  // Every name conflict needs an answer before anything is sent.
  const unanswered = sendable.some((plan) => plan.exists && !plan.onConflict);
  const canStart =
    Boolean(destination?.canEdit && destination.nextVersion) &&
    sendable.length > 0 &&
    !unanswered &&
    !starting;

  const start = async () => {
    if (!destination) return;
    setStarting(true);
    setError(undefined);
    try {
      const jobs = await Promise.all(
        sendable.map((plan) => client().uploads.start(toStartParams(plan, destination.datasetRef))),
      );
      started(jobs.map((job) => job.id));
      close();
    } catch (caught) {
      setError(toAppError(caught));
      setStarting(false);
    }
  };

  const count = props.draft.files.length;
  return (
    <Dialog
      className="upload-dialog"
      onClose={close}
      title={`Upload ${count === 1 ? props.draft.files[0]?.name : `${count} files`}${destination ? ` to ${destination.datasetName}` : ''}`}
    >
      {!target && <DestinationPicker onPick={setTarget} />}
      {destination && <VersionActions destination={destination} onChange={prep.setDestination} />}
      {loading && <DelayedSpinner label="Preparing the files" />}
      {prep.error && <ErrorNotice error={prep.error} />}
      {destination && files && (
        <ul className="file-plans" aria-label="Files">
          {shown.map((plan, index) => (
            <FilePlanRow
              key={`${plan.file.name}-${index}`}
              plan={plan}
              tables={destination.tables}
              mergeStrategy={strategyOf(plan)}
              onChange={(next) => editPlan(index, next)}
            />
          ))}
        </ul>
      )}
      {error && <ErrorNotice error={error} />}
      <div className="modal-buttons">
        <button type="button" className="primary" disabled={!canStart} onClick={() => void start()}>
          {sendable.length > 1 ? `Upload ${sendable.length} files` : 'Upload'}
        </button>
        <button type="button" onClick={close}>
          Cancel
        </button>
      </div>
    </Dialog>
  );
}
