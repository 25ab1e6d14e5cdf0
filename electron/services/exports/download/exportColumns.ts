import { fail } from '../../../../shared/contract/errors';
import type { TableVariable } from './arrowTypes';

/**
 * The columns to write, in order: the user's selection matched case-insensitively (as Redivis
 * does) to the table's variables, or all of them.
 */
export function pickVariables(variables: TableVariable[], selected?: string[]): TableVariable[] {
  if (!selected || selected.length === 0) return variables;
  const byName = new Map(variables.map((v) => [v.name.toLowerCase(), v]));
  const seen = new Set<string>();
  const picked: TableVariable[] = [];
  for (const name of selected) {
    const variable = byName.get(name.toLowerCase());
    if (!variable) fail('bad_input', `The table has no column named "${name}".`);
    if (seen.has(variable.name)) continue;
    seen.add(variable.name);
    picked.push(variable);
  }
  return picked;
}
