/** A small YAML emitter for JSON-shaped data (the OpenAPI document); strings are always quoted. */
type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

function scalar(value: string | number | boolean | null): string {
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}

function emit(value: Json, indent: string, lines: string[], prefix: string): void {
  if (Array.isArray(value)) {
    if (value.length === 0) {
      lines.push(`${prefix}[]`);
      return;
    }
    if (prefix.trim()) lines.push(prefix.trimEnd());
    for (const item of value) emit(item, `${indent}  `, lines, `${indent}- `);
    return;
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value);
    if (entries.length === 0) {
      lines.push(`${prefix}{}`);
      return;
    }
    if (prefix.trim()) lines.push(prefix.trimEnd());
    const inner = prefix.trim() ? `${indent}` : indent;
    entries.forEach(([key, child]) => {
      const head = `${inner}${JSON.stringify(key)}: `;
      if (child !== null && typeof child === 'object') emit(child, `${inner}  `, lines, head);
      else lines.push(`${head}${scalar(child)}`);
    });
    return;
  }
  lines.push(`${prefix}${scalar(value)}`);
}

export function toYaml(value: Json): string {
  const lines: string[] = [];
  emit(value, '', lines, '');
  return `${lines.join('\n')}\n`;
}

export type { Json };
