/**
 * A project by name, in its own colour: "Initech support · Initech" (client when known), with the
 * task after a slash when given. The id stands in when no list names the project. The colour is
 * a hue (--pill-hue) the stylesheet turns into light and dark tokens; the index is there too
 * (data-hue) for a stylesheet that prefers a fixed palette.
 */
import type { CSSProperties } from 'react';
import { labelOf, pillHue, pillIndex, type NameIndex } from '../names';
import { useNameIndex } from '../use-names';
import './project-pill.css';

export interface ProjectPillProps {
  /** The entry's account name; null for entries that stay on this computer. */
  account: string | null;
  project: string | null | undefined;
  task?: string | null;
  /** The entry's own client; when absent, the project's client as far as it is known. */
  client?: string | null;
  /** Names to use instead of the window's (tests, or a view with its own catalog). */
  names?: NameIndex;
  className?: string;
}

/** The pill's words, for labels elsewhere (aria-labels, titles): "Project · Client / Task". */
export function projectText(ix: NameIndex, account: string | null, project: string, task?: string | null, client?: string | null): { project: string; client: string | null; task: string | null } {
  const clientId = client ?? ix.clientOf(account, project);
  return {
    project: labelOf(ix, 'project', account, project),
    client: clientId ? labelOf(ix, 'client', account, clientId) : null,
    task: task ? labelOf(ix, 'task', account, task) : null,
  };
}

export function ProjectPill({ account, project, task, client, names, className }: ProjectPillProps) {
  const windowNames = useNameIndex();
  if (!project) return null;
  const ix = names ?? windowNames;
  const t = projectText(ix, account, project, task, client);
  const known = ix.name('project', account, project) !== null;
  const title = [`Project: ${t.project}${known ? ` (${project})` : ''}`, t.client && `Client: ${t.client}`, t.task && `Task: ${t.task}`].filter(Boolean).join('\n');
  return (
    <span className={`pill${className ? ` ${className}` : ''}`} data-testid="project-pill" data-project-id={project}
      data-hue={pillIndex(account, project)} style={{ '--pill-hue': pillHue(account, project) } as CSSProperties} title={title}>
      <span className="pill-dot" aria-hidden />
      <span className="pill-project">{t.project}</span>
      {t.client && <span className="pill-client"><span aria-hidden> · </span><span className="sr-only">, client </span>{t.client}</span>}
      {t.task && <span className="pill-task"><span aria-hidden> / </span><span className="sr-only">, task </span>{t.task}</span>}
    </span>
  );
}
