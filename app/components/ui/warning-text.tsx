import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** Something the person must know before going on. The "!" is decoration; "Varning" is read out. */
export function WarningText({ children }: { children: ReactNode }) {
  const { t } = useTranslation('ui');
  return (
    <div className="warning-text">
      <span className="warning-text__icon" aria-hidden="true">
        !
      </span>
      <strong className="warning-text__text">
        <span className="visually-hidden">{t('warningText.prefix')} </span>
        {children}
      </strong>
    </div>
  );
}
