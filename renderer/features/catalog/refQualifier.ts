/**
 * What tells one reference apart from others to the same dataset or table: its version and
 * whether it is the sample (`demo.iris_species:v1_0.iris` → `v1_0`, `…:sample:next.iris` →
 * `sample · next`); undefined for the current version. Reference ids are left out.
 */
export function refQualifier(ref: string): string | undefined {
  const datasetPart = ref.split('.').slice(0, 2).join('.');
  const modifiers = datasetPart.split(':').slice(1);
  const shown = modifiers
    .map((modifier) => modifier.toLowerCase())
    .filter((modifier) => modifier === 'sample' || modifier === 'next' || /^v\d+(_\d+)?$/.test(modifier));
  return shown.length > 0 ? shown.join(' · ') : undefined;
}
