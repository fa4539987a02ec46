/**
 * What happens at the desk while the app runs: the long-timer and no-timer reminders and the
 * pomodoro rhythm. The rules are pure (reminders.ts, pomodoro.ts); this runs them against the
 * core once per tick and says what to tell the user. Electron shows the messages as system
 * notifications; the window shows them too.
 */
import type { PomodoroStatus } from '../../shared/bridge';
import type { TimerInput } from '../../shared/schemas';
import { toIso } from '../../shared/time';
import type { Core } from '.';
import { startPomodoro, tickPomodoro, type Pomodoro } from './pomodoro';
import { longTimerDue, noTimerReminderDue } from './reminders';
import { sameWork } from './timer';

export interface DeskOptions {
  core: Core;
  now?: () => number;
  remind(message: string): void;
  onPomodoro(status: PomodoroStatus | null): void;
}

export function createDesk(o: DeskOptions) {
  const { core } = o;
  const now = o.now ?? (() => core.clock.now());
  let pomodoro: Pomodoro = null;
  /** What the work phase was timing, to continue after the break. */
  let resumeWith: TimerInput | null = null;
  let lastNoTimerReminder: number | null = null;
  let longTimerNotified: string | null = null;

  const status = (): PomodoroStatus | null =>
    pomodoro ? { phase: pomodoro.phase, ends_at: toIso(pomodoro.endsAt), round: pomodoro.round } : null;

  function fieldsOfRunning(): TimerInput | null {
    const t = core.timer.status();
    return t ? sameWork(t) : null;
  }

  return {
    tick(): void {
      const at = now();
      const settings = core.settings.all();
      const running = core.timer.status();
      if (running && running.id !== longTimerNotified && longTimerDue(running.start, at, settings.long_timer_minutes)) {
        longTimerNotified = running.id;
        o.remind(`“${running.description || 'Your timer'}” has been running for over ${settings.long_timer_minutes} minutes.`);
      }
      if (!pomodoro && noTimerReminderDue({ now: at, zone: core.zone(), settings, running: !!running, lastRemindedAt: lastNoTimerReminder })) {
        lastNoTimerReminder = at;
        o.remind('No timer is running. Start one from the tray, or with your shortcut.');
      }
      if (pomodoro) {
        const r = tickPomodoro(pomodoro, at, settings);
        pomodoro = r.p;
        if (r.transition) {
          if (r.transition.to === 'break') {
            resumeWith = fieldsOfRunning() ?? resumeWith;
            if (core.timer.status()) core.timer.stop();
          } else if (resumeWith && !core.timer.status()) {
            core.timer.start(resumeWith);
          }
          o.remind(r.transition.message);
          o.onPomodoro(status());
        }
      }
    },
    pomodoro: {
      status,
      /** Starts a work phase; the running timer keeps running, or a timer starts like the last one. */
      start(): PomodoroStatus | null {
        const settings = core.settings.all();
        if (!core.timer.status()) {
          const last = core.entries.list({ limit: 1 })[0];
          core.timer.start(last ? sameWork(last) : {});
        }
        pomodoro = startPomodoro(now(), settings);
        resumeWith = fieldsOfRunning();
        o.onPomodoro(status());
        return status();
      },
      stop(): null {
        pomodoro = null;
        resumeWith = null;
        o.onPomodoro(null);
        return null;
      },
    },
  };
}

export type Desk = ReturnType<typeof createDesk>;
