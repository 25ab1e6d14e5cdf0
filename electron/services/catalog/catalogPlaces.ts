import { z } from 'zod';
import {
  organizationEntrySchema,
  recentItemSchema,
  type CatalogPlaces,
  type OrganizationEntry,
  type RecentItem,
} from '../../../shared/contract/catalogModel';
import type { SettingsStore } from '../settings/settingsStore';

const SETTINGS_KEY = 'catalog.places';
const MAX_RECENT = 15;
const MAX_ORGANIZATIONS = 50;

const storedSchema = z.record(
  z.string(),
  z.object({
    organizations: z.array(organizationEntrySchema).default([]),
    recent: z.array(recentItemSchema).default([]),
  }),
);
type Stored = z.infer<typeof storedSchema>;

export interface CatalogPlacesOptions {
  settings: SettingsStore;
  /** The API base of the signed-in server; places are kept per server. */
  apiBase: () => string;
  /** The bundled demo server's API base: its `demo` organization is always listed there. */
  demoApiBase?: string;
  now?: () => number;
}

/**
 * The sidebar's organizations (added by the user, seen while browsing, or preset on the demo
 * server) and recently opened items, persisted in settings per server so that the demo
 * server's places never mix with redivis.com's.
 */
export class CatalogPlacesStore {
  constructor(private readonly options: CatalogPlacesOptions) {}

  places(): CatalogPlaces {
    const mine = this.load()[this.serverKey()] ?? { organizations: [], recent: [] };
    let organizations = [...mine.organizations];
    if (this.isDemoServer()) {
      // The preset always leads and cannot be removed, even once visited.
      const stored = organizations.find((org) => sameName(org.name, 'demo'));
      organizations = organizations.filter((org) => org !== stored);
      organizations.unshift({
        name: 'demo',
        fullName: stored?.fullName ?? 'Demo Organization',
        source: 'preset',
      });
    }
    return { organizations, recent: mine.recent };
  }

  /** Adds or upgrades an organization; an explicit add wins over a visit. Returns true on change. */
  noteOrganization(entry: OrganizationEntry): boolean {
    return this.update((mine) => {
      const existing = mine.organizations.find((org) => sameName(org.name, entry.name));
      if (existing) {
        const source = existing.source === 'visited' ? entry.source : existing.source;
        const fullName = entry.fullName ?? existing.fullName;
        if (source === existing.source && fullName === existing.fullName) return false;
        existing.source = source;
        existing.fullName = fullName;
        return true;
      }
      if (entry.source === 'preset') return false;
      mine.organizations.push(entry);
      mine.organizations.splice(0, Math.max(0, mine.organizations.length - MAX_ORGANIZATIONS));
      return true;
    });
  }

  removeOrganization(name: string): void {
    this.update((mine) => {
      const before = mine.organizations.length;
      mine.organizations = mine.organizations.filter((org) => !sameName(org.name, name));
      return mine.organizations.length !== before;
    });
  }

  /** Puts an item at the top of the recent list. */
  noteVisit(item: Omit<RecentItem, 'visitedAt'>): void {
    this.update((mine) => {
      const rest = mine.recent.filter((entry) => !(entry.kind === item.kind && entry.ref === item.ref));
      mine.recent = [{ ...item, visitedAt: (this.options.now ?? Date.now)() }, ...rest].slice(0, MAX_RECENT);
      return true;
    });
  }

  private isDemoServer(): boolean {
    const demo = this.options.demoApiBase;
    return Boolean(demo) && normalize(demo ?? '') === this.serverKey();
  }

  private serverKey(): string {
    return normalize(this.options.apiBase());
  }

  private load(): Stored {
    const parsed = storedSchema.safeParse(this.options.settings.get(SETTINGS_KEY));
    return parsed.success ? parsed.data : {};
  }

  private update(change: (mine: Stored[string]) => boolean): boolean {
    const all = this.load();
    const key = this.serverKey();
    const mine = all[key] ?? { organizations: [], recent: [] };
    if (!change(mine)) return false;
    all[key] = mine;
    this.options.settings.set(SETTINGS_KEY, all);
    return true;
  }
}

function normalize(apiBase: string): string {
  return apiBase.replace(/\/+$/, '').toLowerCase();
}

function sameName(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}
