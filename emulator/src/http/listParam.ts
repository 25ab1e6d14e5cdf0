/**
 * List-valued query parameters, in both forms clients send: repeated
 * (`?selectedVariables=a&selectedVariables=b`, as the official JS client does) and
 * comma-separated (`?selectedVariables=a,b`). Reading only the first value would silently drop
 * columns. Returns null when the parameter is absent or empty.
 */
export function listParam(query: URLSearchParams, name: string): string[] | null {
  const values = query
    .getAll(name)
    .flatMap((value) => value.split(','))
    .map((value) => value.trim())
    .filter((value) => value !== '');
  return values.length > 0 ? values : null;
}
