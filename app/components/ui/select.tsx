import type { ReactNode } from 'react';
import { describedBy, Field, type LabelSize } from './field';

type SelectProps = {
  id: string;
  name: string;
  label: ReactNode;
  labelSize?: LabelSize;
  hint?: ReactNode;
  error?: string;
  /** `lang` marks an option in another language than the page (the PUA's own Swedish names on an English page). */
  options: { value: string; label: string; lang?: string }[];
  defaultValue?: string;
};

/** A drop-down (GOV.UK select): for filters and choices from a long list, e.g. a handläggare. */
export function Select({ id, name, label, labelSize, hint, error, options, defaultValue }: SelectProps) {
  return (
    <Field id={id} label={label} labelSize={labelSize} hint={hint} error={error}>
      <select id={id} name={name} className={error ? 'select input--error' : 'select'} defaultValue={defaultValue} aria-describedby={describedBy(id, { hint, error })} aria-invalid={error ? true : undefined}>
        {options.map((o) => (
          <option key={o.value} value={o.value} lang={o.lang}>
            {o.label}
          </option>
        ))}
      </select>
    </Field>
  );
}
