/** The row's project slot: the project's pill (name, client, task, colour), or nothing without one. */
import type { EntryView } from '../../../shared/entry';
import { ProjectPill } from './ProjectPill';

export function RowProject({ e }: { e: EntryView }) {
  return <ProjectPill account={e.account} project={e.project_id} task={e.task_id} client={e.client_id} />;
}
