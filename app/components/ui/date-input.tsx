import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Fieldset, type LabelSize } from './field';

export type DatePart = 'day' | 'month' | 'year';
export type DateValue = Partial<Record<DatePart, string>>;

const PARTS: { part: DatePart; width: 2 | 4; autoComplete: string }[] = [
  { part: 'day', width: 2, autoComplete: 'bday-day' },
  { part: 'month', width: 2, autoComplete: 'bday-month' },
  { part: 'year', width: 4, autoComplete: 'bday-year' },
];

/** The day input carries the group's id, so an error summary link lands on the first box. */
export const datePartId = (id: string, part: DatePart) => (part === 'day' ? id : `${id}-${part}`);

type DateInputProps = {
  id: string;
  /** Submitted as `<name>-day`, `<name>-month`, `<name>-year`. */
  name: string;
  legend: ReactNode;
  isPageHeading?: boolean;
  legendSize?: LabelSize;
  hint?: ReactNode;
  error?: string;
  /** Which boxes the error is about; all three when there is an error and this is not given. */
  errorParts?: DatePart[];
  optional?: boolean;
  defaultValue?: DateValue;
  /** Only for a date of birth: lets the browser fill it in. */
  isBirthDate?: boolean;
};

/** Dag / månad / år as three text boxes (GOV.UK: more forgiving than a date picker). */
export function DateInput({ id, name, legend, isPageHeading, legendSize, hint, error, errorParts, optional, defaultValue = {}, isBirthDate }: DateInputProps) {
  const { t } = useTranslation('ui');
  const invalid = (part: DatePart) => !!error && (errorParts ?? ['day', 'month', 'year']).includes(part);
  return (
    <Fieldset id={id} legend={legend} isPageHeading={isPageHeading} legendSize={legendSize} hint={hint} error={error} optional={optional}>
      <div className="date-input">
        {PARTS.map(({ part, width, autoComplete }) => {
          const inputId = datePartId(id, part);
          return (
            <div key={part} className="date-input__item">
              <label htmlFor={inputId} className="label date-input__label">
                {t(`dateInput.${part}`)}
              </label>
              <input
                id={inputId}
                name={`${name}-${part}`}
                type="text"
                inputMode="numeric"
                className={invalid(part) ? `input input--width-${width} input--error` : `input input--width-${width}`}
                defaultValue={defaultValue[part]}
                autoComplete={isBirthDate ? autoComplete : undefined}
                aria-invalid={invalid(part) ? true : undefined}
              />
            </div>
          );
        })}
      </div>
    </Fieldset>
  );
}
