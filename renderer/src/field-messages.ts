/**
 * The core's field issues ("end: must be after start (duration must be > 0)") in words for the
 * person at the form ("End must be after start"), by field path and rule. A rule not listed here
 * still shows, with the field named in words, so nothing is hidden.
 */
import type { FieldIssue } from '../../shared/errors';

const FIELD_WORDS: Record<string, string> = {
  description: 'Description', start: 'Start', end: 'End', project_id: 'Project', task_id: 'Task', client_id: 'Client',
  tags: 'Tags', billable: 'Billable', account: 'Account', date: 'Date', duration: 'Duration',
};

const RULES: [RegExp, (field: string) => string][] = [
  [/^must be after start/, () => 'End must be after start'],
  [/^must be at most (\d+)h after start/, () => 'An entry can last at most 7 days: give the real end of a forgotten timer'],
  [/^must not be more than (\d+)h in the future/, (f) => `${f} can be at most a day from now`],
  [/^must be an ISO 8601/, (f) => `${f} needs a date and time`],
  [/^must be between the years 2000 and 2099/, () => 'Pick a date between 2000 and 2099'],
  [/^must be at most (\d+) characters/, (f) => `${f} is too long`],
  [/^must not contain control characters/, (f) => `${f} has characters that cannot be saved`],
  [/^must not contain a comma/, () => 'A tag cannot contain a comma: commas separate tags'],
  [/^must not be empty/, (f) => `${f} cannot be empty`],
  [/^must be at most (\d+) tags/, (_f) => 'Too many tags (at most 32)'],
];

/** The top-level field an issue belongs to: tags.3 → tags. */
export const fieldOf = (issue: FieldIssue) => issue.field.split('.')[0]!;

export function humanMessage(issue: FieldIssue): string {
  const f = fieldOf(issue);
  const words = FIELD_WORDS[f] ?? f;
  for (const [re, say] of RULES) if (re.test(issue.rule)) return say(words);
  // Already a sentence of ours (the form's own checks start with a capital): as it is.
  if (/^[A-Z]/.test(issue.rule)) return issue.rule;
  return `${words} ${issue.rule}`;
}

/** The first message for each field, in words; issues for fields the form does not show go under `other`. */
export function messagesByField(issues: readonly FieldIssue[] | null, shown: readonly string[]): Record<string, string> & { other?: string } {
  const out: Record<string, string> = {};
  const other: string[] = [];
  for (const i of issues ?? []) {
    const f = fieldOf(i);
    if (shown.includes(f)) out[f] ??= humanMessage(i);
    else other.push(humanMessage(i));
  }
  if (other.length) out.other = other.join('; ');
  return out;
}
