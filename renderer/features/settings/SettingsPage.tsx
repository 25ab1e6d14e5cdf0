import { useEffect, useState } from 'react';
import type { AppError } from '../../../shared/contract/errors';
import { MAX_PREVIEW_ROW_CAP } from '../../../shared/contract/previewModel';
import {
  MAX_CONCURRENT_JOBS,
  MIN_CONCURRENT_JOBS,
  themeChoices,
  type AppSettings,
  type SettingsUpdate,
  type ThemeChoice,
} from '../../../shared/contract/settingsChannels';
import { toAppError } from '../../ui/errorText';
import { FolderBrowser } from './FolderBrowser';
import { useSettings } from './settingsStore';
import './settings.css';

const themeLabels: Record<ThemeChoice, string> = {
  system: 'Same as the system',
  light: 'Light',
  dark: 'Dark',
};

/** The app-wide choices: preview row cap, theme, default export folder, concurrent jobs. */
export function SettingsPage() {
  const settings = useSettings((state) => state.settings);
  const loadError = useSettings((state) => state.loadError);
  // Read afresh on every visit: the preview toolbar changes the row cap without an event.
  useEffect(() => void useSettings.getState().load(), []);
  return (
    <div className="settings-page">
      <h1>Settings</h1>
      {loadError ? (
        <p role="alert" className="settings-error">
          {loadError.message}
        </p>
      ) : null}
      {/* Each field is keyed by its stored value, so it starts afresh when the value changes elsewhere. */}
      {settings ? <SettingsForm settings={settings} /> : null}
    </div>
  );
}

function SettingsForm({ settings }: { settings: AppSettings }) {
  return (
    <div className="settings-fields">
      <NumberSetting
        key={`cap:${settings.rowCap}`}
        id="settings-row-cap"
        label="Preview row cap"
        hint={`Rows a table preview reads at most (also the preview's Row limit), up to ${MAX_PREVIEW_ROW_CAP.toLocaleString('en-US')}.`}
        value={settings.rowCap}
        change={(rowCap) => ({ rowCap })}
      />
      <ThemeSetting value={settings.theme} />
      <FolderSetting key={`folder:${settings.exportFolder ?? ''}`} value={settings.exportFolder} />
      <NumberSetting
        key={`jobs:${settings.concurrentJobs}`}
        id="settings-concurrent-jobs"
        label="Concurrent jobs"
        hint={`Exports and uploads that run at once (${MIN_CONCURRENT_JOBS}–${MAX_CONCURRENT_JOBS}); the others wait, queued.`}
        value={settings.concurrentJobs}
        change={(concurrentJobs) => ({ concurrentJobs })}
      />
    </div>
  );
}

/** Saves a change and keeps its error (if any) for the field to show. */
function useSave(): { error?: AppError; save(change: SettingsUpdate): Promise<boolean> } {
  const [error, setError] = useState<AppError>();
  return {
    error,
    async save(change) {
      try {
        await useSettings.getState().update(change);
        setError(undefined);
        return true;
      } catch (failure) {
        setError(toAppError(failure));
        return false;
      }
    },
  };
}

function FieldError({ id, error }: { id: string; error?: AppError }) {
  if (!error) return null;
  return (
    <p id={id} role="alert" className="settings-error">
      {error.message}
      {error.detail ? <span className="muted"> {error.detail}</span> : null}
    </p>
  );
}

/** A whole number, saved on Enter or when the field loses focus. */
function NumberSetting(props: {
  id: string;
  label: string;
  hint: string;
  value: number;
  change(value: number): SettingsUpdate;
}) {
  const [text, setText] = useState(String(props.value));
  const { error, save } = useSave();
  const commit = () => {
    const cleaned = text.replace(/[,\s_]/g, '');
    if (cleaned === String(props.value)) return;
    // A number the schema refuses is sent anyway, so the Node side's message explains why.
    void save(props.change(cleaned === '' ? Number.NaN : Number(cleaned)));
  };
  return (
    <div className="settings-field">
      <label htmlFor={props.id}>{props.label}</label>
      <input
        id={props.id}
        type="text"
        inputMode="numeric"
        size={10}
        value={text}
        aria-describedby={`${props.id}-hint${error ? ` ${props.id}-error` : ''}`}
        aria-invalid={error ? true : undefined}
        onChange={(event) => setText(event.target.value)}
        onBlur={commit}
        onKeyDown={(event) => {
          if (event.key === 'Enter') commit();
        }}
      />
      <p id={`${props.id}-hint`} className="settings-hint muted">
        {props.hint}
      </p>
      <FieldError id={`${props.id}-error`} error={error} />
    </div>
  );
}

function ThemeSetting({ value }: { value: ThemeChoice }) {
  const { error, save } = useSave();
  return (
    <div className="settings-field">
      <label htmlFor="settings-theme">Theme</label>
      <select
        id="settings-theme"
        value={value}
        onChange={(event) => void save({ theme: event.target.value as ThemeChoice })}
      >
        {themeChoices.map((choice) => (
          <option key={choice} value={choice}>
            {themeLabels[choice]}
          </option>
        ))}
      </select>
      <FieldError id="settings-theme-error" error={error} />
    </div>
  );
}

/** The folder exports start in; checked by the Node side when saved. */
function FolderSetting({ value }: { value: string | null }) {
  const [text, setText] = useState(value ?? '');
  const [browsing, setBrowsing] = useState(false);
  const { error, save } = useSave();
  const id = 'settings-export-folder';
  return (
    <div className="settings-field">
      <label htmlFor={id}>Default export folder</label>
      <form
        className="settings-folder"
        onSubmit={(event) => {
          event.preventDefault();
          void save({ exportFolder: text.trim() === '' ? null : text });
        }}
      >
        <input
          id={id}
          type="text"
          size={48}
          value={text}
          placeholder="The system's default (Downloads)"
          aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
          aria-invalid={error ? true : undefined}
          onChange={(event) => setText(event.target.value)}
        />
        <button type="submit" disabled={text === (value ?? '')}>
          Save folder
        </button>
        <button type="button" aria-expanded={browsing} onClick={() => setBrowsing((open) => !open)}>
          Browse folders…
        </button>
        {value ? (
          <button type="button" onClick={() => void save({ exportFolder: null })}>
            Use the default
          </button>
        ) : null}
      </form>
      {browsing ? (
        <FolderBrowser
          start={value ?? undefined}
          onCancel={() => setBrowsing(false)}
          onChoose={(path) => {
            setBrowsing(false);
            setText(path);
            void save({ exportFolder: path });
          }}
        />
      ) : null}
      <p id={`${id}-hint`} className="settings-hint muted">
        Where the export dialog starts. A full path to a folder you can write to.
      </p>
      <FieldError id={`${id}-error`} error={error} />
    </div>
  );
}
