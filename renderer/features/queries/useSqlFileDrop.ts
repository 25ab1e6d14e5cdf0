import { useEffect } from 'react';
import { openQueryTab } from './queriesStore';

const isSql = (file: File) => /\.sql$/i.test(file.name);

/**
 * A `.sql` file dropped anywhere on the window opens in a new query tab (the page reads the
 * file's text itself; no path is involved). Other files go on to the upload dialog.
 */
export function useSqlFileDrop(onOpened: () => void): void {
  useEffect(() => {
    const onDrop = (event: DragEvent) => {
      const files = [...(event.dataTransfer?.files ?? [])];
      if (files.length === 0 || !files.every(isSql)) return;
      event.preventDefault();
      void Promise.all(
        files.map(async (file) => {
          if (file.size > 1024 * 1024) return;
          openQueryTab({ sql: await file.text(), title: file.name.replace(/\.sql$/i, '') });
        }),
      ).then(onOpened);
    };
    window.addEventListener('drop', onDrop);
    return () => window.removeEventListener('drop', onDrop);
  }, [onOpened]);
}
