/**
 * Variable names must be word characters only and unique ignoring case (names are matched
 * case-insensitively everywhere in the API), so headers are cleaned up the way Redivis does:
 * other characters become `_`, a leading digit gets a `_` prefix, duplicates get `_2`, `_3`…
 */
export function cleanVariableNames(raw: readonly string[]): string[] {
  const used = new Set<string>();
  return raw.map((original, index) => {
    let name = original
      .trim()
      .replace(/[^A-Za-z0-9_]+/g, '_')
      .replace(/_{2,}/g, '_')
      .replace(/(?<=.)_$/, '');
    if (name === '' || name === '_') name = `var${index + 1}`;
    if (/^\d/.test(name)) name = `_${name}`;
    let candidate = name;
    for (let n = 2; used.has(candidate.toLowerCase()); n++) candidate = `${name}_${n}`;
    used.add(candidate.toLowerCase());
    return candidate;
  });
}

/** Names for files without a header row: `var1`, `var2`, … */
export function positionalNames(count: number): string[] {
  return Array.from({ length: count }, (_, i) => `var${i + 1}`);
}
