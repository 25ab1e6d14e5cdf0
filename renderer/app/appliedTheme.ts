import { useEffect } from 'react';
import type { ThemeChoice } from '../../shared/contract/settingsChannels';

const systemDark = () => window.matchMedia('(prefers-color-scheme: dark)');
/** The last choice, kept in the page too, so a start or reload paints in it before the settings arrive. */
const LAST_CHOICE_KEY = 'redivis.theme';

/** Sets the palette theme.css picks by `data-theme`: the choice, or the system's when it is "system". */
export function applyTheme(choice: ThemeChoice): void {
  const resolved = choice === 'system' ? (systemDark().matches ? 'dark' : 'light') : choice;
  document.documentElement.dataset.theme = resolved;
  document.documentElement.dataset.themeChoice = choice;
  try {
    window.localStorage.setItem(LAST_CHOICE_KEY, choice);
  } catch {
    // Storage may be unavailable; the settings still arrive a moment later.
  }
}

/** The theme to paint the first frame in. */
export function lastThemeChoice(): ThemeChoice {
  try {
    const stored = window.localStorage.getItem(LAST_CHOICE_KEY);
    return stored === 'light' || stored === 'dark' ? stored : 'system';
  } catch {
    return 'system';
  }
}

/** Applies the chosen theme now and, for "system", again whenever the system switches. */
export function useAppliedTheme(choice: ThemeChoice | undefined): void {
  useEffect(() => {
    if (!choice) return;
    applyTheme(choice);
    if (choice !== 'system') return;
    const query = systemDark();
    const follow = () => applyTheme('system');
    query.addEventListener('change', follow);
    return () => query.removeEventListener('change', follow);
  }, [choice]);
}

applyTheme(lastThemeChoice());
