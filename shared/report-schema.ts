/** The report query as the bridge accepts it: real dates, in order, at most a year and a day. */
import { z } from 'zod';
import { isLocalDate } from './time';

const MAX_SPAN_DAYS = 366;
const date = z.string({ error: 'must be a date YYYY-MM-DD' }).refine(isLocalDate, 'must be a date YYYY-MM-DD');

export const reportQuerySchema = z
  .object({
    from: date,
    to: date,
    group: z.enum(['day', 'week', 'month'], { error: 'must be day, week or month' }),
    by: z.enum(['none', 'project', 'tag', 'billable'], { error: 'must be none, project, tag or billable' }),
  })
  .strict()
  .superRefine((q, ctx) => {
    if (!isLocalDate(q.from) || !isLocalDate(q.to)) return;
    if (q.from > q.to) ctx.addIssue({ code: 'custom', path: ['to'], message: 'must not be before from' });
    else if ((Date.parse(q.to) - Date.parse(q.from)) / 86_400_000 + 1 > MAX_SPAN_DAYS) {
      ctx.addIssue({ code: 'custom', path: ['to'], message: `must be at most ${MAX_SPAN_DAYS} days after from` });
    }
  });
