/**
 * What the entry views say of fields a provider cannot carry, from its descriptor's capabilities
 * (no connector, no HTTP, no token).
 */
import type { Entry, LocalOnly, Provider } from '../../../shared/entry';
import { descriptorOf } from './connectors';
const FIELD_WORDS: Record<string, string> = {
  tags: 'tags', task_id: 'the task', client_id: 'the client', project_id: 'the project', billable: 'billable', description: 'the description',
};

/** Whether `e` uses `field` at all: an empty tag list or a missing task has nothing to lose. */
function uses(e: Pick<Entry, 'tags' | 'task_id' | 'client_id' | 'project_id' | 'billable'>, field: string): boolean {
  if (field === 'tags') return e.tags.length > 0;
  if (field === 'billable') return true;
  if (field === 'task_id' || field === 'client_id' || field === 'project_id') return e[field] !== null;
  return true;
}

/** What of `e` stays local on `provider`; null when the account carries everything it uses. */
export function localOnlyOf(provider: Provider, e: Pick<Entry, 'tags' | 'task_id' | 'client_id' | 'project_id' | 'billable'>): LocalOnly | null {
  const { capabilities: caps, name } = descriptorOf(provider);
  const fields = caps.localOnlyFields.filter((f) => uses(e, f));
  const parts: string[] = [];
  if (fields.length) {
    const words = fields.map((f) => FIELD_WORDS[f] ?? f);
    const list = words.length > 1 ? `${words.slice(0, -1).join(', ')} and ${words.at(-1)}` : words[0]!;
    parts.push(`${list} ${words.length > 1 || fields[0] === 'tags' ? 'stay' : 'stays'} local on ${name}`);
  }
  if (!caps.timeOfDay) {
    fields.push('time_of_day');
    parts.push(`start and end times stay local on ${name}; it keeps the date and minutes`);
  }
  if (!parts.length) return null;
  return { provider, fields, note: parts.join('; ') };
}
