import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** ids of a field's hint and error message, from the field's own id. */
export const hintId = (id: string) => `${id}-hint`;
export const errorId = (id: string) => `${id}-error`;

/** The `aria-describedby` value for a control with an optional hint and error. */
export function describedBy(id: string, { hint, error }: { hint?: ReactNode; error?: string }, extra?: string): string | undefined {
  const ids = [extra, hint ? hintId(id) : null, error ? errorId(id) : null].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : undefined;
}

export type LabelSize = 's' | 'm' | 'l' | 'xl';

/** The text of a label or legend, followed by "(valfritt)" when the answer is optional. */
export function LabelText({ children, optional }: { children: ReactNode; optional?: boolean }) {
  const { t } = useTranslation('ui');
  return (
    <>
      {children}
      {optional ? <> {t('optional')}</> : null}
    </>
  );
}

export function Hint({ id, className, children }: { id: string; className?: string; children: ReactNode }) {
  return (
    <div id={id} className={className ? `hint ${className}` : 'hint'}>
      {children}
    </div>
  );
}

/** "Fel: …" — the prefix is read by screen readers only; the red colour is not the only cue. */
export function ErrorMessage({ id, children }: { id: string; children: ReactNode }) {
  const { t } = useTranslation('ui');
  return (
    <p id={id} className="error-message">
      <span className="visually-hidden">{t('errorMessage.prefix')} </span>
      {children}
    </p>
  );
}

type FieldProps = {
  id: string;
  label: ReactNode;
  /** The label is the page's h1 (GOV.UK "one question per page"). */
  isPageHeading?: boolean;
  labelSize?: LabelSize;
  hint?: ReactNode;
  error?: string;
  optional?: boolean;
  children: ReactNode;
};

/** A label, hint and error message around a single control, e.g. a text input or textarea. */
export function Field({ id, label, isPageHeading, labelSize, hint, error, optional, children }: FieldProps) {
  const size = labelSize ?? (isPageHeading ? 'l' : undefined);
  const labelElement = (
    <label htmlFor={id} className={size ? `label label--${size}` : 'label'}>
      <LabelText optional={optional}>{label}</LabelText>
    </label>
  );
  return (
    <div className={error ? 'form-group form-group--error' : 'form-group'}>
      {isPageHeading ? <h1 className="label-wrapper">{labelElement}</h1> : labelElement}
      {hint ? <Hint id={hintId(id)}>{hint}</Hint> : null}
      {error ? <ErrorMessage id={errorId(id)}>{error}</ErrorMessage> : null}
      {children}
    </div>
  );
}

type FieldsetProps = {
  id: string;
  legend: ReactNode;
  isPageHeading?: boolean;
  legendSize?: LabelSize;
  hint?: ReactNode;
  error?: string;
  optional?: boolean;
  children: ReactNode;
};

/**
 * A group of controls answering one question (radios, checkboxes, a date). The fieldset is
 * described by the hint and error so that they are read when focus enters the group.
 */
export function Fieldset({ id, legend, isPageHeading, legendSize, hint, error, optional, children }: FieldsetProps) {
  const size = legendSize ?? (isPageHeading ? 'l' : undefined);
  return (
    <div className={error ? 'form-group form-group--error' : 'form-group'}>
      <fieldset className="fieldset" aria-describedby={describedBy(id, { hint, error })}>
        <legend className={size ? `fieldset__legend fieldset__legend--${size}` : 'fieldset__legend'}>
          {isPageHeading ? (
            <h1 className="fieldset__heading">
              <LabelText optional={optional}>{legend}</LabelText>
            </h1>
          ) : (
            <LabelText optional={optional}>{legend}</LabelText>
          )}
        </legend>
        {hint ? <Hint id={hintId(id)}>{hint}</Hint> : null}
        {error ? <ErrorMessage id={errorId(id)}>{error}</ErrorMessage> : null}
        {children}
      </fieldset>
    </div>
  );
}
