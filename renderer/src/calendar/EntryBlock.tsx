/**
 * One entry on a day's grid. Drag it to move it (to another day of the week too), drag its bottom
 * edge to change its end; both snap to 5 minutes. With the keyboard: it is focusable, arrows move
 * it by 15 minutes, Shift+arrows move its end. The running timer is drawn growing, not dragged.
 */
import { useRef, useState, type CSSProperties, type KeyboardEvent, type PointerEvent } from 'react';
import type { EntryView } from '../../../shared/entry';
import { ProjectPill } from '../components/ProjectPill';
import { pillHue } from '../names';
import { clockText } from '../format';
import { KEY_STEP_MS, MINUTE, moved, resized, type Block } from './calendar-layout';

/** Pixels per minute of grid: an hour is 48 px. */
export const PX_PER_MIN = 0.8;

export interface BlockEntry {
  id: string;
  description: string;
  start: number;
  end: number;
  account: string | null;
  project_id: string | null;
  task_id: string | null;
  client_id: string | null;
  entry: EntryView | null;
}

export interface DropTarget {
  /** The instant under the pointer, on whichever day column it is over; null when off the grid. */
  instantAt(clientX: number, clientY: number): number | null;
}

export function EntryBlock({ b, e, zone, target, retime }: {
  b: Block; e: BlockEntry; zone: string; target: DropTarget;
  retime(e: EntryView, start: number, end: number, what: 'Moved' | 'Resized'): Promise<boolean>;
}) {
  const [drag, setDrag] = useState<{ dx: number; dy: number; resize: boolean } | null>(null);
  const from = useRef<{ x: number; y: number; grab: number; resize: boolean } | null>(null);
  const editable = !b.running && e.entry !== null;

  const down = (ev: PointerEvent<HTMLDivElement>, resize: boolean) => {
    if (!editable || ev.button !== 0) return;
    ev.stopPropagation();
    ev.preventDefault();
    ev.currentTarget.setPointerCapture(ev.pointerId);
    (ev.currentTarget.closest('.cal-block') as HTMLElement | null)?.focus();
    // Where in the entry it was grabbed, so the start lands where the block is dropped.
    const at = target.instantAt(ev.clientX, ev.clientY);
    from.current = { x: ev.clientX, y: ev.clientY, grab: at === null ? 0 : at - e.start, resize };
    setDrag({ dx: 0, dy: 0, resize });
  };
  const move = (ev: PointerEvent<HTMLDivElement>) => {
    const f = from.current;
    if (f) setDrag({ dx: f.resize ? 0 : ev.clientX - f.x, dy: ev.clientY - f.y, resize: f.resize });
  };
  const up = (ev: PointerEvent<HTMLDivElement>) => {
    const f = from.current;
    from.current = null;
    setDrag(null);
    if (!f || !e.entry) return;
    const dy = ev.clientY - f.y;
    if (Math.abs(dy) < 2 && Math.abs(ev.clientX - f.x) < 2) return;
    const span = { start: e.start, end: e.end };
    if (f.resize) void retime(e.entry, span.start, resized(span, (dy / PX_PER_MIN) * MINUTE).end, 'Resized');
    else {
      const at = target.instantAt(ev.clientX, ev.clientY);
      const delta = at === null ? (dy / PX_PER_MIN) * MINUTE : at - f.grab - e.start;
      const m = moved(span, delta);
      void retime(e.entry, m.start, m.end, 'Moved');
    }
  };

  const key = (ev: KeyboardEvent<HTMLDivElement>) => {
    if (!editable || !e.entry || (ev.key !== 'ArrowUp' && ev.key !== 'ArrowDown')) return;
    ev.preventDefault();
    const step = ev.key === 'ArrowUp' ? -KEY_STEP_MS : KEY_STEP_MS;
    const span = { start: e.start, end: e.end };
    if (ev.shiftKey) void retime(e.entry, e.start, resized(span, step, KEY_STEP_MS).end, 'Resized');
    else {
      const m = moved(span, step);
      void retime(e.entry, m.start, m.end, 'Moved');
    }
  };

  const name = e.description || '(no description)';
  const range = `${clockText(e.start, zone)}–${b.running ? 'now' : clockText(e.end, zone)}`;
  const words = [name, range, b.continuesBefore && 'continues from the day before', b.continuesAfter && 'continues the next day', b.running && 'running'].filter(Boolean).join(', ');
  const style = {
    // A timer started a minute ago still shows its name: the running block is at least a line tall.
    top: b.top * PX_PER_MIN, height: Math.max(b.height * PX_PER_MIN, b.running ? 18 : 6),
    left: `calc(${(b.col / b.cols) * 100}% + 2px)`, width: `calc(${100 / b.cols}% - 4px)`,
    '--pill-hue': e.project_id ? pillHue(e.account, e.project_id) : 210,
    ...(drag && { transform: drag.resize ? undefined : `translate(${drag.dx}px, ${drag.dy}px)`, height: Math.max(b.height * PX_PER_MIN + (drag.resize ? drag.dy : 0), 4), zIndex: 5 }),
  } as CSSProperties;
  const cls = ['cal-block', b.running && 'running', b.continuesBefore && 'cont-before', b.continuesAfter && 'cont-after', drag && 'dragging', !e.project_id && 'no-project'].filter(Boolean).join(' ');
  return (
    <div className={cls} style={style} role="button" tabIndex={0} data-testid="cal-block" data-entry-id={e.id}
      aria-label={words} aria-describedby={editable ? 'cal-keys' : undefined} title={words}
      onPointerDown={(ev) => down(ev, false)} onPointerMove={move} onPointerUp={up} onPointerCancel={() => { from.current = null; setDrag(null); }}
      onKeyDown={key}>
      {b.continuesBefore && <span className="cal-cont" aria-hidden>↑ from the day before</span>}
      <span className="cal-block-text">
        <span className="cal-block-desc">{name}</span>
        <span className="cal-block-time tnum">{range}</span>
      </span>
      <ProjectPill account={e.account} project={e.project_id} task={e.task_id} client={e.client_id} />
      {b.continuesAfter && <span className="cal-cont cal-cont-after" aria-hidden>↓ continues next day</span>}
      {editable && <div className="cal-resize" aria-hidden onPointerDown={(ev) => down(ev, true)} onPointerMove={move} onPointerUp={up} />}
    </div>
  );
}
