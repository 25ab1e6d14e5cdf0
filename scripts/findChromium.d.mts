/** $CHROMIUM_PATH, Debian's chromium, or Playwright's own browser; undefined when none exists. */
export function findChromium(): Promise<string | undefined>;
