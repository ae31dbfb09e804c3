import type { ReactNode } from 'react';
import { Fieldset, Hint, hintId, type LabelSize } from './field';

export type ChoiceItem = {
  value: string;
  label: ReactNode;
  hint?: ReactNode;
};

/** GOV.UK ids: the first item has the group's id (error summary links go there), then id-2, id-3… */
export const itemId = (id: string, index: number) => (index === 0 ? id : `${id}-${index + 1}`);

type RadiosProps = {
  id: string;
  name: string;
  legend: ReactNode;
  isPageHeading?: boolean;
  legendSize?: LabelSize;
  hint?: ReactNode;
  error?: string;
  optional?: boolean;
  items: ChoiceItem[];
  defaultValue?: string;
  /** Side by side; only for two short answers such as "Ja" / "Nej". */
  inline?: boolean;
};

/** One answer out of several, in a fieldset whose legend is the question. */
export function Radios({ id, name, legend, isPageHeading, legendSize, hint, error, optional, items, defaultValue, inline }: RadiosProps) {
  return (
    <Fieldset id={id} legend={legend} isPageHeading={isPageHeading} legendSize={legendSize} hint={hint} error={error} optional={optional}>
      <div className={inline ? 'radios radios--inline' : 'radios'}>
        {items.map((item, index) => {
          const inputId = itemId(id, index);
          return (
            <div key={item.value} className="radios__item">
              <input
                id={inputId}
                name={name}
                type="radio"
                value={item.value}
                className="radios__input"
                defaultChecked={defaultValue === item.value}
                aria-describedby={item.hint ? hintId(inputId) : undefined}
              />
              <label htmlFor={inputId} className="radios__label">
                {item.label}
              </label>
              {item.hint ? (
                <Hint id={hintId(inputId)} className="radios__hint">
                  {item.hint}
                </Hint>
              ) : null}
            </div>
          );
        })}
      </div>
    </Fieldset>
  );
}
