/**
 * Idle detection over the core: feeds observations to the pure rules (idle-rules.ts), holds the one
 * open question, and applies the user's answer in a single IMMEDIATE transaction, so a crash
 * leaves either all of it or none. An answer that no longer fits (answered already, or the timer
 * was stopped or switched meanwhile, by the tray or the CLI) changes nothing and says why.
 */
import type { IdleResolution } from '../../shared/bridge';
import type { RunningTimer } from '../../shared/entry';
import { ValidationError } from '../../shared/errors';
import type { IdleChoice, IdlePrompt, IdleSignal } from '../../shared/idle';
import { toIso } from '../../shared/time';
import type { Core } from '.';
import { initialIdleState, observeIdle, planIdle, type Away } from './idle-rules';
import { newId } from './ids';
import { sameWork } from './timer';
import { immediate } from './db';

export type { IdleResolution } from '../../shared/bridge';
export type { IdleChoice, IdlePrompt, IdleSignal } from '../../shared/idle';

export function createIdleMonitor(o: { core: Core; now?: () => number }) {
  const { core } = o;
  const now = o.now ?? (() => core.clock.now());
  let state = initialIdleState();
  let open: { prompt: IdlePrompt; away: Away } | null = null;

  function toPrompt(a: Away, timer: RunningTimer): IdlePrompt {
    return {
      id: newId(), away_from: toIso(a.from), away_to: toIso(a.to), away_seconds: Math.round((a.to - a.from) / 1000),
      reason: a.reason, timer,
    };
  }

  return {
    /** One observation; returns a new (or grown) question when the user came back from being away. */
    signal(s: IdleSignal): IdlePrompt | null {
      const threshold = core.settings.all().idle_threshold_minutes * 60_000;
      const r = observeIdle(state, s, threshold);
      state = r.state;
      if (!r.away) return null;
      const timer = core.timer.status();
      if (!timer) return null;
      // Only the time the timer counted is in question (none if it started after the return).
      let a: Away = { ...r.away, from: Math.max(r.away.from, Date.parse(timer.start)) };
      if (a.to - a.from < threshold) return null;
      // Away again before answering, after being back for less than the threshold: one question
      // for both spans. Back for longer, the user worked in between, so the newer question
      // replaces the older (whose time stays counted, as with "keep").
      if (open && open.prompt.timer.id === timer.id && a.from - open.away.to < threshold) {
        a = { from: Math.min(open.away.from, a.from), to: Math.max(open.away.to, a.to), reason: open.away.reason };
      }
      open = { prompt: toPrompt(a, timer), away: a };
      return open.prompt;
    },

    /** The open question, unless the timer it asks about no longer runs. */
    pending(): IdlePrompt | null {
      return open && core.timer.status()?.id === open.prompt.timer.id ? open.prompt : null;
    },

    dismiss(): void {
      open = null;
    },

    /**
     * Applies an answer: stop/discard, the split entry (queued for sync with its outbox row) and
     * the timer that goes on, all in one transaction. Throws ValidationError, changing nothing,
     * for a prompt id that is not the open one (`prompt`), an empty split description
     * (`description`), or a timer that changed since the question (`timer`; the question is then
     * void). The timer is re-read inside the transaction, so another process cannot slip between.
     */
    resolve(promptId: string, choice: IdleChoice): IdleResolution {
      if (!open || open.prompt.id !== promptId) {
        throw ValidationError.one('prompt', 'is no longer open: it was answered already or replaced by a newer question');
      }
      if (choice.kind === 'split' && !choice.description.trim()) throw ValidationError.one('description', 'must describe the time away');
      const asked = open;
      let changed = false;
      try {
        const result = immediate(core.db, (): IdleResolution => {
          const timer = core.timer.status();
          if (!timer || timer.id !== asked.prompt.timer.id) {
            changed = true;
            throw ValidationError.one('timer', `has changed since the question was asked (${timer ? 'another timer runs' : 'it was stopped'}): nothing was changed`);
          }
          const plan = planIdle(Date.parse(timer.start), asked.away, choice, now());
          const fields = sameWork(timer);
          let stopped = null;
          let split = null;
          if (plan.discardTimer) core.timer.discard();
          else if (plan.stopAt !== null) stopped = core.timer.stop(plan.stopAt);
          if (plan.split) {
            split = core.entries.create({ ...fields, description: plan.split.description, start: plan.split.start, end: plan.split.end });
          }
          if (plan.restartAt !== null) core.timer.start({ ...fields, start: plan.restartAt });
          return { stopped, split, running: core.timer.status() };
        });
        open = null;
        return result;
      } catch (e) {
        // A refused description leaves the question open to answer again; a changed timer voids it.
        if (changed) open = null;
        throw e;
      }
    },
  };
}

export type IdleMonitor = ReturnType<typeof createIdleMonitor>;
