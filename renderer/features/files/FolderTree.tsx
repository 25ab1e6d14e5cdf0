import { useState } from 'react';
import type { FolderNode } from './fileTree';

/** The folders of a table, expandable; the current one is marked. */
export function FolderTree({
  root,
  current,
  onOpen,
}: {
  root: FolderNode;
  current: string;
  onOpen(path: string): void;
}) {
  return (
    <nav className="folder-tree" aria-label="Folders">
      <ul>
        <FolderItem node={root} label="All files" current={current} onOpen={onOpen} depth={0} />
      </ul>
    </nav>
  );
}

function FolderItem({
  node,
  label,
  current,
  onOpen,
  depth,
}: {
  node: FolderNode;
  label: string;
  current: string;
  onOpen(path: string): void;
  depth: number;
}) {
  const onPath = current === node.path || current.startsWith(node.path ? `${node.path}/` : '');
  const [expanded, setExpanded] = useState(depth === 0 || onPath);
  const open = expanded || (onPath && current !== node.path);
  return (
    <li>
      <div className="folder-row" style={{ paddingLeft: depth * 14 }}>
        {node.folders.length ? (
          <button
            type="button"
            className="folder-toggle"
            aria-label={open ? `Collapse ${label}` : `Expand ${label}`}
            aria-expanded={open}
            onClick={() => setExpanded(!open)}
          >
            {open ? '▾' : '▸'}
          </button>
        ) : (
          <span className="folder-toggle" />
        )}
        <button
          type="button"
          className={current === node.path ? 'folder-name current' : 'folder-name'}
          aria-current={current === node.path ? 'location' : undefined}
          onClick={() => onOpen(node.path)}
        >
          {label} <span className="muted">({node.fileCount})</span>
        </button>
      </div>
      {open && node.folders.length ? (
        <ul>
          {node.folders.map((child) => (
            <FolderItem
              key={child.path}
              node={child}
              label={child.name}
              current={current}
              onOpen={onOpen}
              depth={depth + 1}
            />
          ))}
        </ul>
      ) : null}
    </li>
  );
}
