import { join, resolve, sep } from 'node:path';
import { fail } from '../../../shared/contract/errors';

/**
 * A file's place under the download folder, from its name in the table (untrusted: it comes
 * from the server). Names are kept relative to the folder the user downloads; each part is
 * made a plain, portable name, and nothing can climb out of the destination.
 */
export function localPathFor(destination: string, name: string, folder: string): string {
  const prefix = folder.replace(/^\/+|\/+$/g, '');
  const relative = prefix && name.startsWith(`${prefix}/`) ? name.slice(prefix.length + 1) : name;
  const parts = relative
    .split(/[/\\]+/)
    .filter((part) => part !== '' && part !== '.')
    .map(portablePart);
  if (parts.length === 0) parts.push('file');
  const root = resolve(destination);
  const full = resolve(join(root, ...parts));
  if (!full.startsWith(root + sep)) {
    fail('bad_input', `"${name}" cannot be saved inside the chosen folder.`);
  }
  return full;
}

function portablePart(part: string): string {
  if (part === '..') return '_';
  const cleaned = [...part]
    .map((c) => (c.charCodeAt(0) < 32 || '<>:"|?*'.includes(c) ? '_' : c))
    .join('')
    .replace(/[. ]+$/, (m) => '_'.repeat(m.length));
  // `.partial` is what unfinished downloads are called; a real file never ends so.
  return cleaned.endsWith('.partial') ? `${cleaned}_` : cleaned;
}
