import type { ReactNode } from 'react';
import { describedBy, Field, type LabelSize } from './field';

type TextareaProps = {
  id: string;
  name: string;
  label: ReactNode;
  isPageHeading?: boolean;
  labelSize?: LabelSize;
  hint?: ReactNode;
  error?: string;
  optional?: boolean;
  defaultValue?: string;
  rows?: number;
  autoComplete?: string;
};

/** A multi-line answer, e.g. "vilka uppgifter" and "grunderna för min begäran". */
export function Textarea({ id, name, label, isPageHeading, labelSize, hint, error, optional, defaultValue, rows = 5, autoComplete }: TextareaProps) {
  return (
    <Field id={id} label={label} isPageHeading={isPageHeading} labelSize={labelSize} hint={hint} error={error} optional={optional}>
      <textarea
        id={id}
        name={name}
        rows={rows}
        className={error ? 'textarea input--error' : 'textarea'}
        defaultValue={defaultValue}
        autoComplete={autoComplete}
        aria-describedby={describedBy(id, { hint, error })}
        aria-invalid={error ? true : undefined}
      />
    </Field>
  );
}
