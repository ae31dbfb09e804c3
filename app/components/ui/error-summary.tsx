import { useActionData } from '@remix-run/react';
import { useEffect, useRef, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';

export type FieldError = {
  /** The id of the field (for radios, checkboxes and dates: of its first input). */
  fieldId: string;
  message: string;
};

/**
 * "Det finns ett problem": rendered above the h1 when the server rejected a form. It takes focus
 * when it appears, and again after every rejected send so that screen reader and keyboard users land on it. Each error links to its
 * field; an in-page link to an input moves focus there even without JavaScript, and with it the
 * field's label or legend is scrolled into view too (it would otherwise sit above the viewport).
 */
export function ErrorSummary({ errors }: { errors: FieldError[] }) {
  const { t } = useTranslation('ui');
  const ref = useRef<HTMLDivElement>(null);
  // Each answer of the route's action is a new object: a second failed send (the summary already
  // on screen) takes the focus back to it, as the first did.
  const actionData = useActionData();

  useEffect(() => {
    ref.current?.focus();
  }, [actionData]);

  if (errors.length === 0) return null;
  return (
    <div ref={ref} className="error-summary" tabIndex={-1}>
      <div role="alert">
        <h2 className="error-summary__title">{t('errorSummary.title')}</h2>
        <ul className="list error-summary__list">
          {errors.map((error) => (
            <li key={error.fieldId}>
              <a href={`#${error.fieldId}`} onClick={focusField}>
                {error.message}
              </a>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}

function focusField(event: MouseEvent<HTMLAnchorElement>) {
  const id = event.currentTarget.hash.slice(1);
  const input = document.getElementById(decodeURIComponent(id));
  if (!input) return;
  event.preventDefault();
  const caption = input.closest('fieldset')?.querySelector('legend') ?? document.querySelector(`label[for="${CSS.escape(input.id)}"]`) ?? input;
  caption.scrollIntoView();
  input.focus({ preventScroll: true });
}
