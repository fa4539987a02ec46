/**
 * One picker (project, task or client) as a WAI-ARIA combobox (downshift's useCombobox gives the
 * roles, keys and announcements): type-ahead by name or id, options in groups (recent first, then
 * by client), and any id typed by hand still taken as it is (services without a list).
 */
import { useCombobox } from 'downshift';
import { useId, useMemo, useState } from 'react';
import { FormField } from './FormField';
import type { PickerOption } from '../names';

export type Option = PickerOption;

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

export function CatalogCombobox({ label, ariaLabel, options, value, onChange, disabled, hint, message, placeholder }: {
  label: string;
  ariaLabel: string;
  options: readonly Option[];
  /** The chosen id ('' for none). */
  value: string;
  onChange(id: string): void;
  disabled?: boolean;
  hint?: string | null;
  message?: string | null;
  placeholder?: string;
}) {
  const nameOf = (id: string) => options.find((o) => o.id === id)?.name ?? id;
  const valueText = value ? nameOf(value) : '';
  const [text, setText] = useState(valueText);
  // A value set from outside (a reset, another account, an entry opened for editing) shows its
  // name; so does a name that arrives later (the catalog loaded), unless the user typed since.
  const [shownFor, setShownFor] = useState({ value, valueText });
  if (shownFor.value !== value || shownFor.valueText !== valueText) {
    setShownFor({ value, valueText });
    if (shownFor.value !== value || text === shownFor.valueText) setText(valueText);
  }
  const selected = options.find((o) => o.id === value) ?? null;
  const shown = useMemo(() => {
    const q = fold(text.trim());
    if (!q || (selected && text === selected.name)) return options;
    // Recent projects repeat under their client: while typing, each shows once.
    const seen = new Set<string>();
    return options.filter((o) => (fold(o.name).includes(q) || fold(o.id).includes(q)) && !seen.has(o.id) && !!seen.add(o.id));
  }, [options, text, selected]);
  const uid = useId();

  const cb = useCombobox<Option>({
    items: shown as Option[],
    inputValue: text,
    selectedItem: selected,
    itemToString: (o) => o?.name ?? '',
    itemToKey: (o) => (o ? `${o.group}\u0000${o.id}` : null),
    onInputValueChange: ({ inputValue, type }) => {
      setText(inputValue);
      if (type === useCombobox.stateChangeTypes.InputChange && !inputValue.trim()) onChange('');
    },
    onSelectedItemChange: ({ selectedItem }) => {
      if (selectedItem) onChange(selectedItem.id);
    },
    stateReducer: (state, { type, changes }) => {
      // Leaving the field with text that names no option: take the text as an id (typed by hand),
      // or the one option whose name or id it is exactly.
      if (type === useCombobox.stateChangeTypes.InputBlur) {
        const t = state.inputValue.trim();
        if (!t) return changes;
        const exact = options.find((o) => fold(o.name) === fold(t) || o.id === t);
        if (exact) return { ...changes, selectedItem: exact, inputValue: exact.name };
        if (!selected || selected.name !== state.inputValue) queueMicrotask(() => onChange(t));
        return { ...changes, inputValue: state.inputValue };
      }
      return changes;
    },
  });

  const groups: { name: string; items: { o: Option; index: number }[] }[] = [];
  shown.forEach((o, index) => {
    const g = groups.at(-1);
    if (g && g.name === o.group) g.items.push({ o, index });
    else groups.push({ name: o.group, items: [{ o, index }] });
  });

  return (
    <FormField label={label} message={message} hint={hint} className="combo" after={
      <ul {...cb.getMenuProps({ 'aria-label': `${ariaLabel} choices` })} className="combo-menu" hidden={!(cb.isOpen && shown.length > 0)}>
        {cb.isOpen && groups.map((g, gi) => (
          <li key={`${gi}-${g.name}`} role="group" aria-labelledby={`${uid}-g${gi}`}>
            <div id={`${uid}-g${gi}`} role="presentation" className="combo-group">{g.name}</div>
            <ul role="none">
              {g.items.map(({ o, index }) => (
                <li key={`${o.group}-${o.id}`} {...cb.getItemProps({ item: o, index })}
                  className={`combo-option${cb.highlightedIndex === index ? ' active' : ''}${o.id === value ? ' chosen' : ''}`}>
                  <span>{o.name}</span>
                  {o.detail && <span className="muted"> · {o.detail}</span>}
                  {o.name !== o.id && <span className="muted combo-id"> {o.id}</span>}
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>}>
      <input {...cb.getInputProps({ 'aria-label': ariaLabel, disabled, placeholder })} />
    </FormField>
  );
}
