import type { AppInfo } from '../../shared/contract/appChannels';

export interface AppIdentity {
  name: string;
  version: string;
  mode: AppInfo['mode'];
}

export function describeApp(identity: AppIdentity): AppInfo {
  const versions: Record<string, string> = { node: process.versions.node };
  if (process.versions.electron) versions.electron = process.versions.electron;
  if (process.versions.chrome) versions.chrome = process.versions.chrome;
  return { ...identity, platform: process.platform, versions };
}
