import type { ReactNode } from 'react';
import { Fieldset, Hint, hintId, type LabelSize } from './field';
import { itemId, type ChoiceItem } from './radios';

type CheckboxesProps = {
  id: string;
  name: string;
  legend: ReactNode;
  isPageHeading?: boolean;
  legendSize?: LabelSize;
  hint?: ReactNode;
  error?: string;
  optional?: boolean;
  items: ChoiceItem[];
  defaultValues?: readonly string[];
};

/** Any number of answers; each checked box submits `name=value`. */
export function Checkboxes({ id, name, legend, isPageHeading, legendSize, hint, error, optional, items, defaultValues = [] }: CheckboxesProps) {
  return (
    <Fieldset id={id} legend={legend} isPageHeading={isPageHeading} legendSize={legendSize} hint={hint} error={error} optional={optional}>
      <div className="checkboxes">
        {items.map((item, index) => {
          const inputId = itemId(id, index);
          return (
            <div key={item.value} className="checkboxes__item">
              <input
                id={inputId}
                name={name}
                type="checkbox"
                value={item.value}
                className="checkboxes__input"
                defaultChecked={defaultValues.includes(item.value)}
                aria-describedby={item.hint ? hintId(inputId) : undefined}
              />
              <label htmlFor={inputId} className="checkboxes__label">
                {item.label}
              </label>
              {item.hint ? (
                <Hint id={hintId(inputId)} className="checkboxes__hint">
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
