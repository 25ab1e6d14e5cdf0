import type { CatalogPlaces, Owner } from '../../../shared/contract/catalogModel';
import { containerOfTableRef, versionOfRef, withVersion } from '../../../shared/contract/catalogReference';
import { fail } from '../../../shared/contract/errors';
import type { ChannelHandlers } from '../host/handlers';
import { explainHiddenUnreleased } from '../session/readOnlySignIn';
import type { ServiceContext } from '../serviceContext';
import { CatalogApi } from './catalogApi';
import { CatalogPlacesStore } from './catalogPlaces';
import { PageLoads } from './pageLoads';
import { resolveReference } from './referenceResolver';

/**
 * The catalog domain: browsing users, organizations, datasets, versions, tables, variables
 * and workflows, the reference bar, and the sidebar's places. Every request may name the
 * page view it belongs to (`loadId`) so navigating away cancels it.
 */
/**
 * What Recent remembers of a dataset visit: the dataset, plus the version or sample the reference
 * named, so `:v1_0`, `:next` and `:sample` visits are told apart (the current version is the bare
 * dataset, however it was named).
 */
function visitedDatasetRef(requested: string, baseRef: string): string {
  const named = versionOfRef(requested);
  const sample = (requested.split('.')[1] ?? '').split(':').some((m) => m.toLowerCase() === 'sample');
  const withSample = sample ? `${baseRef}:sample` : baseRef;
  return named && named !== 'current' ? withVersion(withSample, named) : withSample;
}

export function createCatalogHandlers(context: ServiceContext): ChannelHandlers['catalog'] {
  const catalog = new CatalogApi(context.api);
  // Access levels differ between accounts: nothing cached for one may be shown to another.
  context.events.attach((event) => {
    if (event === 'session.changed') catalog.forget();
  });
  const loads = new PageLoads();
  const places = new CatalogPlacesStore({
    settings: context.settings,
    apiBase: () => context.session.apiBase(),
    demoApiBase: context.config.demoApiEndpoint,
  });
  const publish = (): CatalogPlaces => {
    const current = places.places();
    context.events.emit('catalog.placesChanged', current);
    return current;
  };
  const notedOwner = (owner: Owner) => {
    if (owner.kind !== 'organization') return false;
    return places.noteOrganization({ name: owner.name, fullName: owner.fullName, source: 'visited' });
  };
  const searchOwners = async (signal?: AbortSignal) => {
    const me = await catalog.me(signal).catch(() => undefined);
    const organizations = places
      .places()
      .organizations.map((org) => ({ kind: 'organization' as const, name: org.name }));
    return [...(me ? [{ kind: 'user' as const, name: me.name }] : []), ...organizations];
  };

  /** A read-only sign-in cannot see unreleased versions: say that rather than "not found". */
  const hiddenUnreleased = (ref: string) => (error: unknown) => {
    throw explainHiddenUnreleased(error, /:next\b/i.test(ref), context.session.readOnly());
  };
  return {
    me: () => catalog.me(),
    listDatasets: ({ owner, pageToken, loadId }, { clientId }) =>
      catalog.listDatasets(owner, pageToken, loads.signalFor(clientId, loadId)),
    listWorkflows: ({ owner, pageToken, loadId }, { clientId }) =>
      catalog.listWorkflows(owner, pageToken, loads.signalFor(clientId, loadId)),
    getDataset: async ({ datasetRef, loadId }, { clientId }) => {
      const dataset = await catalog
        .getDataset(datasetRef, loads.signalFor(clientId, loadId))
        .catch(hiddenUnreleased(datasetRef));
      notedOwner(dataset.owner);
      places.noteVisit({
        kind: 'dataset',
        ref: visitedDatasetRef(datasetRef, dataset.baseRef),
        name: dataset.name,
        context: dataset.owner.fullName ?? dataset.owner.name,
      });
      publish();
      return dataset;
    },
    listVersions: ({ datasetRef, pageToken, loadId }, { clientId }) =>
      catalog.listVersions(datasetRef, pageToken, loads.signalFor(clientId, loadId)),
    getVersion: ({ datasetRef, tag, loadId }, { clientId }) =>
      catalog.getVersion(datasetRef, tag, loads.signalFor(clientId, loadId)),
    listTables: ({ container, pageToken, loadId }, { clientId }) =>
      catalog.listTables(container, pageToken, loads.signalFor(clientId, loadId)),
    getTable: async ({ tableRef, loadId }, { clientId }) => {
      const signal = loads.signalFor(clientId, loadId);
      // The version decides whether uploads are possible and the owner fills the breadcrumbs;
      // ask for the table and its dataset at once.
      const datasetRef = containerOfTableRef(tableRef);
      const [table, dataset] = await Promise.all([
        catalog.getTable(tableRef, signal).catch(hiddenUnreleased(tableRef)),
        datasetRef ? catalog.getDataset(datasetRef, signal).catch(() => null) : Promise.resolve(null),
      ]);
      const inDataset = table.container?.kind === 'dataset';
      let owner: Owner | undefined = inDataset ? dataset?.owner : undefined;
      if (table.container?.kind === 'workflow') {
        owner = (await catalog.getWorkflow(table.container.ref, signal).catch(() => null))?.owner;
      }
      places.noteVisit({ kind: 'table', ref: table.ref, name: table.name, context: table.container?.name });
      publish();
      return { ...table, version: inDataset ? (dataset?.version ?? null) : null, owner };
    },
    listVariables: ({ tableRef, pageToken, loadId }, { clientId }) =>
      catalog.listVariables(tableRef, pageToken, loads.signalFor(clientId, loadId)),
    getVariable: ({ tableRef, name, loadId }, { clientId }) =>
      catalog.getVariable(tableRef, name, loads.signalFor(clientId, loadId)),
    getVariableStatistics: ({ tableRef, name, loadId }, { clientId }) =>
      catalog.getVariableStatistics(tableRef, name, loads.signalFor(clientId, loadId)),
    getWorkflow: async ({ workflowRef, loadId }, { clientId }) => {
      const workflow = await catalog.getWorkflow(workflowRef, loads.signalFor(clientId, loadId));
      notedOwner(workflow.owner);
      places.noteVisit({
        kind: 'workflow',
        ref: workflow.ref,
        name: workflow.name,
        context: workflow.owner.fullName ?? workflow.owner.name,
      });
      publish();
      return workflow;
    },
    resolveReference: ({ input, loadId }, { clientId }) =>
      resolveReference(input, { catalog, searchOwners }, loads.signalFor(clientId, loadId)).catch(
        hiddenUnreleased(input),
      ),
    places: () => places.places(),
    addOrganization: async ({ name }) => {
      const target = await resolveReference(name, { catalog, searchOwners });
      if (target.kind !== 'owner' || target.ownerKind !== 'organization') {
        fail('not_found', `There is no organization named "${name}".`);
      }
      places.noteOrganization({ name: target.owner.toLowerCase(), source: 'added' });
      return publish();
    },
    removeOrganization: ({ name }) => {
      places.removeOrganization(name);
      return publish();
    },
    cancel: ({ loadId }, { clientId }) => loads.cancel(clientId, loadId),
  };
}
