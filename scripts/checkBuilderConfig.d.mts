/** Validates an electron-builder config file with electron-builder's own schema; resolves to the parsed config. */
export function checkBuilderConfig(path?: string): Promise<Record<string, unknown>>;
