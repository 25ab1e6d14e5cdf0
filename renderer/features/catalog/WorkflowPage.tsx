import { client } from '../../ui/client';
import { Breadcrumbs } from './Breadcrumbs';
import { ErrorPanel, Loading } from './catalogStates';
import { TableList } from './TableList';
import { useLoad, usePageView } from './usePageLoad';

/** A workflow and its browsable tables. */
export function WorkflowPage({ workflowRef }: { workflowRef: string }) {
  const loadId = usePageView();
  const workflow = useLoad(workflowRef, () => client().catalog.getWorkflow({ workflowRef, loadId }));
  if (workflow.status === 'loading') return <Loading label="Loading workflow…" />;
  if (workflow.status === 'error') {
    return (
      <div className="catalog-page-body">
        <Breadcrumbs items={[{ label: workflowRef }]} />
        <ErrorPanel error={workflow.error} onRetry={workflow.reload} />
      </div>
    );
  }
  const { owner, name, description, ref } = workflow.value;
  return (
    <article className="catalog-page-body" aria-labelledby="workflow-title">
      <Breadcrumbs
        items={[
          {
            label: owner.fullName ?? owner.name,
            route: { kind: 'owner', owner: owner.name, ownerKind: owner.kind },
          },
          { label: name },
        ]}
      />
      <header className="page-header">
        <h1 id="workflow-title">{name}</h1>
        <p className="muted">
          Workflow by {owner.fullName ?? owner.name} · <code>{ref}</code>
        </p>
      </header>
      {description ? <p className="description">{description}</p> : null}
      <TableList container={{ kind: 'workflow', ref }} loadId={loadId} />
    </article>
  );
}
