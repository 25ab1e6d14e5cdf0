import { z } from 'zod';
import { channel } from './define';

export const appInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  mode: z.enum(['electron', 'browser']),
  platform: z.string(),
  versions: z.record(z.string(), z.string()),
});
export type AppInfo = z.infer<typeof appInfoSchema>;

export const appChannels = {
  info: channel({ params: z.void(), result: appInfoSchema }),
  /** Opens an https link on a known host (or the local server) in the system browser. */
  openExternal: channel({ params: z.object({ url: z.string().max(4096) }), result: z.void() }),
  /** Desktop app only: opens another window on one of the app's pages (`#/table/…`). */
  openWindow: channel({
    params: z.object({
      route: z
        .string()
        .max(2100)
        .regex(/^#\/[\w%.~:/-]*$/, 'A page address starts with #/ and holds no spaces or quotes.'),
    }),
    result: z.void(),
  }),
};
