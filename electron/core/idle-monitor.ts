/**
 * Idle detection over the core: feeds observations to the pure rules (idle.ts), holds the one
 * open question, and applies the user's answer to the timer in a single transaction, so a crash
 * leaves either all of it or none. An answer to a question that no longer fits (answered
 * already, or the timer changed meanwhile) changes nothing and says why.
 */
import type { Entry, RunningTimer } from '../../shared/entry';
import { ValidationError } from '../../shared/errors';
import type { IdleChoice, IdlePrompt, IdleSignal } from '../../shared/idle';
import { toIso } from '../../shared/time';
import type { Core } from '.';
import { initialIdleState, observeIdle, planIdle, type Away } from './idle';
import { newId } from './ids';

export interface IdleResolution {
  stopped: Entry | null;
  split: Entry | null;
  running: RunningTimer | null;
}

export function createIdleMonitor(o: { core: Core; now?: () => number }) {
  const { core } = o;
  const now = o.now ?? (() => core.clock.now());
  let state = initialIdleState();
  let open: { prompt: IdlePrompt; away: Away } | null = null;

  function toPrompt(id: string, a: Away, timer: RunningTimer): IdlePrompt {
    return {
      id, away_from: toIso(a.from), away_to: toIso(a.to), away_seconds: Math.round((a.to - a.from) / 1000), reason: a.reason, timer,
    };
  }

  return {
    /** One observation; returns a new or grown question when the user came back from being away. */
    signal(s: IdleSignal): IdlePrompt | null {
      const threshold = core.settings.all().idle_threshold_minutes * 60_000;
      const r = observeIdle(state, s, threshold);
      state = r.state;
      if (!r.away) return null;
      const timer = core.timer.status();
      if (!timer || Date.parse(timer.start) >= r.away.to) return null;
      const start = Date.parse(timer.start);
      let a: Away = { ...r.away, from: Math.max(r.away.from, start) };
      if (a.to - a.from < threshold) return null;
      // Away again before answering: one question covering both spans of the same timer.
      if (open && open.prompt.timer.id === timer.id) a = { ...a, from: Math.min(open.away.from, a.from), to: Math.max(open.away.to, a.to) };
      open = { prompt: toPrompt(newId(), a, timer), away: a };
      return open.prompt;
    },
    pending(): IdlePrompt | null {
      return open?.prompt ?? null;
    },
    dismiss(): void {
      open = null;
    },
    resolve(promptId: string, choice: IdleChoice): IdleResolution {
      if (choice.kind === 'split' && !choice.description.trim()) throw ValidationError.one('description', 'must describe the time away');
      if (!open || open.prompt.id !== promptId) throw ValidationError.one('prompt', 'is no longer open: it was answered already');
      const asked = open;
      const current = core.timer.status();
      if (!current || current.id !== asked.prompt.timer.id) {
        open = null;
        throw ValidationError.one('timer', 'has changed since the question was asked: nothing was changed');
      }
      const plan = planIdle(Date.parse(current.start), asked.away, choice, now());
      const fields = {
        description: current.description, project_id: current.project_id, task_id: current.task_id, client_id: current.client_id,
        tags: current.tags, billable: current.billable, account: current.account,
      };
      const result = core.db.transaction((): IdleResolution => {
        let stopped: Entry | null = null;
        let split: Entry | null = null;
        if (plan.discardTimer) core.timer.discard();
        else if (plan.stopAt !== null) stopped = core.timer.stop(plan.stopAt);
        if (plan.split) {
          split = core.entries.create({ ...fields, description: plan.split.description, start: toIso(plan.split.start), end: toIso(plan.split.end) });
        }
        if (plan.restartAt !== null) core.timer.start({ ...fields, start: toIso(plan.restartAt) });
        return { stopped, split, running: core.timer.status() };
      }).immediate();
      open = null;
      return result;
    },
  };
}

export type IdleMonitor = ReturnType<typeof createIdleMonitor>;
