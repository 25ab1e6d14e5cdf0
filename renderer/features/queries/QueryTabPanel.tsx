import { useEffect, useRef, useState } from 'react';
import type { AppError } from '../../../shared/contract/errors';
import type { QueryTab } from '../../../shared/contract/queryModel';
import { queryResultRef } from '../../../shared/contract/rowSource';
import { client } from '../../ui/client';
import { toAppError } from '../../ui/errorText';
import { ExportButton } from '../jobs/ExportButton';
import { TablePreview } from '../preview/TablePreview';
import { QueryCost } from './QueryCost';
import { editorRunText, QueryEditor } from './QueryEditor';
import { isActive, queryStatusText } from './queryStatusText';
import { useQueries } from './queriesStore';
import { useQueryInspection } from './useQueryInspection';
import { SaveQueryForm } from './SaveQueryForm';

/** Re-renders once a second while a run is under way, for its elapsed time. */
function useTicking(active: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [active]);
  return now;
}

/** One query tab: the editor, where the run stands, what it reads, and its result. */
export function QueryTabPanel({ tab }: { tab: QueryTab }) {
  const run = useQueries((state) => state.runs[tab.id]);
  const editorHost = useRef<HTMLDivElement>(null);
  const [confirmLarge, setConfirmLarge] = useState<{ text: string; tables: string[] }>();
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<AppError>();
  const [savedNote, setSavedNote] = useState('');
  const active = isActive(run);
  const now = useTicking(active);
  const inspection = useQueryInspection(tab.sql, tab.defaultDataset);
  const store = useQueries.getState;

  async function start(text: string, confirmed = false) {
    if (!text.trim() || active) return;
    // Only `SELECT *` can need a question first; other queries start without a look-up.
    if (!confirmed && /\bselect\s+(distinct\s+)?\*(?!\s*except)/i.test(text)) {
      const checked = await client()
        .queries.inspect({ sql: text, defaultDataset: tab.defaultDataset })
        .catch(() => undefined);
      if (checked?.largeSelectStar.length) {
        setConfirmLarge({ text, tables: checked.largeSelectStar });
        return;
      }
    }
    setConfirmLarge(undefined);
    await store().run(tab.id, text);
  }

  async function save(fileName: string, overwrite: boolean) {
    setSaveError(undefined);
    try {
      const saved = await client().queries.save({ fileName, sql: tab.sql, overwrite });
      store().edit(tab.id, { fileName: saved.fileName, title: saved.fileName.replace(/\.sql$/i, '') });
      setSaving(false);
      setSavedNote(`Saved as ${saved.fileName}`);
    } catch (failure) {
      setSaveError(toAppError(failure));
    }
  }

  const resultId = run?.status === 'completed' ? run.queryId : active ? undefined : tab.lastQueryId;
  return (
    <section className="qw-panel" aria-label={tab.title}>
      <div className="qw-editor-row" ref={editorHost}>
        <QueryEditor
          label={`SQL of ${tab.title}`}
          value={tab.sql}
          onChange={(sql) => store().edit(tab.id, { sql })}
          onRun={(text) => void start(text)}
          defaultDataset={tab.defaultDataset}
          errorAt={run?.status === 'failed' ? run.errorPosition : undefined}
        />
      </div>
      <div className="qw-toolbar">
        <button
          type="button"
          className="primary"
          disabled={active || !tab.sql.trim()}
          title="Run (Ctrl+Enter; runs the selection when there is one)"
          onClick={() => void start(editorRunText(editorHost.current, tab.sql))}
        >
          Run
        </button>
        {active ? (
          <button type="button" onClick={() => store().cancel(tab.id)}>
            Stop waiting
          </button>
        ) : null}
        <label className="qw-default-dataset">
          Default dataset{' '}
          <input
            value={tab.defaultDataset ?? ''}
            placeholder="none"
            spellCheck={false}
            onChange={(e) => store().edit(tab.id, { defaultDataset: e.target.value.trim() || undefined })}
          />
        </label>
        <button
          type="button"
          onClick={() => (tab.fileName ? void save(tab.fileName, true) : setSaving(true))}
        >
          Save
        </button>
        <button type="button" onClick={() => setSaving(true)}>
          Save as…
        </button>
        {resultId ? <ExportButton tableRef={queryResultRef(resultId)} tableName={tab.title} /> : null}
        <span className="muted" role="status">
          {savedNote}
        </span>
      </div>
      {saving ? (
        <SaveQueryForm
          initial={tab.fileName ?? `${tab.title}.sql`}
          error={saveError}
          onSave={(name, overwrite) => void save(name, overwrite)}
          onCancel={() => {
            setSaving(false);
            setSaveError(undefined);
          }}
        />
      ) : null}
      {confirmLarge ? (
        <div className="qw-confirm" role="alertdialog" aria-label="Large query">
          <p>
            This query reads every column of {confirmLarge.tables.join(', ')}, which is larger than 10 GB.
            Redivis counts the data a query scans against your compute limit.
          </p>
          <button type="button" className="primary" onClick={() => void start(confirmLarge.text, true)}>
            Run anyway
          </button>
          <button type="button" onClick={() => setConfirmLarge(undefined)}>
            Cancel
          </button>
        </div>
      ) : null}
      {run ? (
        <p
          className={`qw-status qw-status-${run.status}`}
          role={run.status === 'failed' ? 'alert' : 'status'}
          data-testid="query-status"
        >
          {queryStatusText(run, now)}
        </p>
      ) : null}
      <QueryCost inspection={inspection} />
      {resultId ? (
        <div className="qw-result">
          <TablePreview key={resultId} tableRef={queryResultRef(resultId)} />
        </div>
      ) : null}
    </section>
  );
}
