import { useEffect, useState } from 'react';
import { client } from '../../ui/client';
import { FolderBrowser } from './FolderBrowser';

let browserMode: Promise<boolean> | undefined;
/** Whether the page runs in browser mode (asked once; it cannot change). */
function isBrowserMode(): Promise<boolean> {
  browserMode ??= client()
    .app.info()
    .then((info) => info.mode === 'browser')
    .catch(() => false);
  return browserMode;
}

/**
 * Browser mode's destination folder: typed, or picked in the app's folder browser. The Node
 * side checks the folder when it is used (the page only proposes it). The desktop app keeps
 * its native save dialog, so this shows nothing there.
 */
export function ExportFolderPicker(props: { directory?: string; onChoose(directory: string): void }) {
  const [shown, setShown] = useState(false);
  const [text, setText] = useState(props.directory ?? '');
  const [browsing, setBrowsing] = useState(false);
  useEffect(() => {
    let live = true;
    void isBrowserMode().then((value) => live && setShown(value));
    return () => {
      live = false;
    };
  }, []);
  // A newly approved folder replaces what was typed (React's "adjust state on a prop change").
  const [shownDirectory, setShownDirectory] = useState(props.directory);
  if (shownDirectory !== props.directory) {
    setShownDirectory(props.directory);
    setText(props.directory ?? '');
  }
  if (!shown) return null;
  return (
    <div className="folder-picker">
      <div className="folder-picker-row">
        <label className="folder-picker-field">
          Save in folder
          <input
            value={text}
            placeholder="A full folder path"
            onChange={(event) => setText(event.target.value)}
            onKeyDown={(event) => {
              if (event.key !== 'Enter') return;
              // Enter here picks the folder; it does not submit the dialog.
              event.preventDefault();
              if (text.trim()) props.onChoose(text.trim());
            }}
          />
        </label>
        <button type="button" disabled={!text.trim()} onClick={() => props.onChoose(text.trim())}>
          Use folder
        </button>
        <button type="button" aria-expanded={browsing} onClick={() => setBrowsing((open) => !open)}>
          Browse folders…
        </button>
      </div>
      {browsing ? (
        <FolderBrowser
          start={props.directory}
          onCancel={() => setBrowsing(false)}
          onChoose={(path) => {
            setBrowsing(false);
            setText(path);
            props.onChoose(path);
          }}
        />
      ) : null}
    </div>
  );
}
