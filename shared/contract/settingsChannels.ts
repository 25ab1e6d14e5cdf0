import { z } from 'zod';
import { channel, type ChannelSpec } from './define';
import { MAX_PREVIEW_ROW_CAP } from './previewModel';

export const themeChoices = ['system', 'light', 'dark'] as const;
export type ThemeChoice = (typeof themeChoices)[number];

export const MIN_CONCURRENT_JOBS = 1;
export const MAX_CONCURRENT_JOBS = 8;
export const DEFAULT_CONCURRENT_JOBS = 3;

const rowCapSchema = z
  .number({ error: 'The row cap must be a number.' })
  .int('The row cap must be a whole number.')
  .min(1, 'The row cap must be at least 1.')
  .max(MAX_PREVIEW_ROW_CAP, `The row cap can be at most ${MAX_PREVIEW_ROW_CAP.toLocaleString('en-US')}.`);

const concurrentJobsSchema = z
  .number({ error: 'Concurrent jobs must be a number.' })
  .int('Concurrent jobs must be a whole number.')
  .min(MIN_CONCURRENT_JOBS, `Concurrent jobs must be from ${MIN_CONCURRENT_JOBS} to ${MAX_CONCURRENT_JOBS}.`)
  .max(MAX_CONCURRENT_JOBS, `Concurrent jobs must be from ${MIN_CONCURRENT_JOBS} to ${MAX_CONCURRENT_JOBS}.`);

/** A folder path as the user typed or picked it; the Node side checks it before using it. */
export const folderPathSchema = z
  .string({ error: 'A folder must be given as text.' })
  .trim()
  .min(1, 'Type a folder.')
  .max(4096, 'That folder path is too long.');

/** The app-wide choices of the settings page. */
export const appSettingsSchema = z.object({
  /** The same value the preview toolbar's Row limit edits (stored once, as the preview's option). */
  rowCap: rowCapSchema,
  theme: z.enum(themeChoices, { error: 'Theme must be system, light or dark.' }),
  /** Where exports start; null: the system's default (browser mode: the Downloads folder). */
  exportFolder: z.string().nullable(),
  /** How many exports and uploads run at once; the rest wait, queued. */
  concurrentJobs: concurrentJobsSchema,
});
export type AppSettings = z.infer<typeof appSettingsSchema>;

/** Some settings to change; a null export folder goes back to the default. */
export const settingsUpdateSchema = z
  .object({
    rowCap: rowCapSchema,
    theme: appSettingsSchema.shape.theme,
    exportFolder: folderPathSchema.nullable(),
    concurrentJobs: concurrentJobsSchema,
  })
  .partial()
  .strict();
export type SettingsUpdate = z.infer<typeof settingsUpdateSchema>;

/** One folder's subfolders, for the app's own folder browser (browser mode has no native one). */
export const folderListingSchema = z.object({
  path: z.string(),
  /** The folder above, or null at the top of the file system. */
  parent: z.string().nullable(),
  folders: z.array(z.string()),
});
export type FolderListing = z.infer<typeof folderListingSchema>;

export const settingsChannels = {
  get: channel({ params: z.void(), result: appSettingsSchema }),
  /** Changes some settings; the folder is checked (exists, is a folder, can be written to). */
  update: channel({ params: settingsUpdateSchema, result: appSettingsSchema }),
  /**
   * The subfolders of a folder (the home folder when none is given): names only, no files,
   * hidden ones only when asked. For the app's own folder browser in browser mode.
   */
  listFolders: channel({
    params: z.object({ path: folderPathSchema.optional(), showHidden: z.boolean().default(false) }),
    result: folderListingSchema,
  }),
} satisfies Record<string, ChannelSpec>;

export const settingsEvents = {
  /** Every window follows a change at once (theme, row cap). */
  'settings.changed': appSettingsSchema,
} satisfies Record<string, z.ZodType>;
