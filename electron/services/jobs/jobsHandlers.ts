import { fail } from '../../../shared/contract/errors';
import type { ChannelHandlers } from '../host/handlers';
import type { ServiceContext } from '../serviceContext';

export function createJobsHandlers(context: ServiceContext): ChannelHandlers['jobs'] {
  const { jobs, ports } = context;
  const outputOf = (id: string): string => {
    const job = jobs.get(id);
    if (job.status !== 'succeeded' || !job.output)
      fail('invalid_request', 'This job has no finished output yet.');
    return job.output;
  };
  return {
    list: () => jobs.list(),
    cancel: ({ id }) => jobs.cancel(id),
    retry: ({ id }) => jobs.retry(id),
    dismiss: ({ id }) => jobs.dismiss(id),
    open: async ({ id }) => ports.openPath(outputOf(id)),
    showInFolder: ({ id }) => ports.showItemInFolder(outputOf(id)),
  };
}
