import type { Channels, Domain } from './index';
import type { EventName } from './events';

/**
 * The names of every channel and event, without their schemas. The preload forwards exactly
 * these and nothing else; it imports this list instead of the contract so the zod schemas
 * (validated on the Node side anyway) stay out of its bundle. The compiler checks the list
 * against the contract both ways: a name that is not a channel, or a channel left out, fails
 * `tsc`.
 */
export const channelNames = {
  app: ['info', 'openExternal', 'openWindow'],
  session: [
    'status',
    'signInWithBrowser',
    'signInWithDevice',
    'openDeviceVerification',
    'signInWithToken',
    'cancelSignIn',
    'grantAccess',
    'refreshProfile',
    'switchAccount',
    'forgetAccount',
    'signOut',
  ],
  catalog: [
    'me',
    'listDatasets',
    'listWorkflows',
    'getDataset',
    'listVersions',
    'getVersion',
    'listTables',
    'getTable',
    'listVariables',
    'getVariable',
    'getVariableStatistics',
    'getWorkflow',
    'resolveReference',
    'places',
    'addOrganization',
    'removeOrganization',
    'cancel',
  ],
  preview: [
    'start',
    'window',
    'viewResult',
    'profile',
    'cancel',
    'describe',
    'getOptions',
    'setOptions',
    'loadView',
    'saveView',
  ],
  jobs: [
    'list',
    'cancel',
    'retry',
    'dismiss',
    'open',
    'showInFolder',
    'describeExport',
    'chooseExportPath',
    'checkExportPath',
    'prepareExport',
    'startExport',
  ],
  uploads: [
    'inspect',
    'destination',
    'editableDatasets',
    'createNextVersion',
    'release',
    'unrelease',
    'exists',
    'start',
  ],
  queries: [
    'run',
    'cancel',
    'inspect',
    'history',
    'clearHistory',
    'loadTabs',
    'saveTabs',
    'listSaved',
    'save',
    'open',
    'openFolder',
  ],
  files: ['list', 'content', 'readText', 'readTable', 'download', 'prepareDrag'],
  settings: ['get', 'update', 'listFolders'],
} as const satisfies { [D in Domain]: readonly (keyof Channels[D] & string)[] };

export const eventNames = [
  'app.notice',
  'app.openUrl',
  'session.changed',
  'session.signInProgress',
  'catalog.placesChanged',
  'preview.batch',
  'preview.ended',
  'jobs.updated',
  'jobs.removed',
  'uploads.finished',
  'queries.updated',
  'settings.changed',
] as const satisfies readonly EventName[];

// Completeness, checked by the compiler: a channel or event missing above names itself here.
type UnlistedChannel = {
  [D in Domain]: `${D}.${Exclude<keyof Channels[D] & string, (typeof channelNames)[D][number]>}`;
}[Domain];
type UnlistedEvent = Exclude<EventName, (typeof eventNames)[number]>;
export const everyChannelListed: [UnlistedChannel] extends [never] ? true : UnlistedChannel = true;
export const everyEventListed: [UnlistedEvent] extends [never] ? true : UnlistedEvent = true;
