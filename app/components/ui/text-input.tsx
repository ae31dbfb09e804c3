import type { HTMLAttributes, ReactNode } from 'react';
import { describedBy, Field, type LabelSize } from './field';

type TextInputProps = {
  id: string;
  name: string;
  label: ReactNode;
  isPageHeading?: boolean;
  labelSize?: LabelSize;
  hint?: ReactNode;
  error?: string;
  optional?: boolean;
  defaultValue?: string;
  type?: 'text' | 'email' | 'tel' | 'url' | 'search';
  autoComplete?: string;
  inputMode?: HTMLAttributes<HTMLInputElement>['inputMode'];
  spellCheck?: boolean;
  /** Fixed widths hint at the expected length (GOV.UK: width-2 … width-30); full width by default. */
  width?: 2 | 3 | 4 | 5 | 10 | 20 | 30;
};

/** A single-line text input. No `required` or `pattern`: the server validates and explains. */
export function TextInput({ id, name, label, isPageHeading, labelSize, hint, error, optional, defaultValue, type = 'text', autoComplete, inputMode, spellCheck, width }: TextInputProps) {
  const classes = ['input', width ? `input--width-${width}` : null, error ? 'input--error' : null].filter(Boolean).join(' ');
  return (
    <Field id={id} label={label} isPageHeading={isPageHeading} labelSize={labelSize} hint={hint} error={error} optional={optional}>
      <input
        id={id}
        name={name}
        type={type}
        className={classes}
        defaultValue={defaultValue}
        autoComplete={autoComplete}
        inputMode={inputMode}
        spellCheck={spellCheck}
        aria-describedby={describedBy(id, { hint, error })}
        aria-invalid={error ? true : undefined}
      />
    </Field>
  );
}
