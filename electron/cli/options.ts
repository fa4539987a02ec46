/** Turning the CLI's words (WHEN, DUR, repeated flags) into the core's inputs. */
import { ValidationError } from '../../shared/errors';
import { parseDuration, parseWhen, toIso } from '../../shared/time';

export function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

/** WHEN → ISO instant, or a ValidationError naming the flag. */
export function when(field: string, text: string | undefined, zone: string, now: number): string | undefined {
  if (text === undefined) return undefined;
  const r = parseWhen(text, zone, now);
  if (!r.ok) throw ValidationError.one(field, r.rule);
  return toIso(r.ms);
}

export function duration(field: string, text: string): number {
  const s = parseDuration(text);
  if (s === null) throw ValidationError.one(field, 'must be a duration such as 1h30m, 90m, 45m30s or 1:30');
  if (s <= 0) throw ValidationError.one(field, 'must be greater than zero');
  return s;
}

export interface EntryFlags {
  project?: string;
  task?: string;
  client?: string;
  tag?: string[];
  billable?: boolean;
  account?: string;
}

/** The fields that `start`, `add` and `edit` share, as core input. */
export function entryFields(o: EntryFlags) {
  return {
    ...(o.project !== undefined && { project_id: o.project }),
    ...(o.task !== undefined && { task_id: o.task }),
    ...(o.client !== undefined && { client_id: o.client }),
    ...(o.tag !== undefined && { tags: o.tag }),
    ...(o.billable !== undefined && { billable: o.billable }),
  };
}
