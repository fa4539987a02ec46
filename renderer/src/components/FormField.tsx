/**
 * A labelled form control with its message line under it. The line is always there (empty when
 * all is well), so a message never widens the field or moves the form; it is tied to the control
 * with aria-describedby and read out when it appears. A hint (e.g. "ends next day, 3h") uses the
 * same line when there is no problem.
 */
import { cloneElement, useId, type ReactElement, type ReactNode } from 'react';
import './forms.css';

export function FormField({ label, message, hint, children, className, after }: {
  label: string;
  /** Rendered after the control (a combobox's menu). */
  after?: ReactNode;
  message?: string | null;
  hint?: string | null;
  children: ReactElement<Record<string, unknown>>;
  className?: string;
}) {
  const id = useId();
  const control = cloneElement(children, {
    id: (children.props.id as string | undefined) ?? `${id}-control`,
    'aria-describedby': `${id}-msg`,
    'aria-invalid': message ? true : undefined,
  });
  return (
    <div className={`form-field${className ? ` ${className}` : ''}`}>
      <label htmlFor={(children.props.id as string | undefined) ?? `${id}-control`}>{label}</label>
      {control}
      {after}
      <span id={`${id}-msg`} className={message ? 'field-msg error' : 'field-msg hint'} role={message ? 'alert' : undefined} data-testid="field-message">
        {message ?? hint ?? ''}
      </span>
    </div>
  );
}
