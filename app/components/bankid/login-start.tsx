import { Form } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { CsrfInput } from '~/components/csrf-input';
import { BankIdMethodButtons } from './method-buttons';

/** The choice between BankID on this device (autostart) and Mobilt BankID on another (QR). */
export function BankIdLoginStart({ kind, redirectTo, reauth = false }: { kind: 'resident' | 'staff'; redirectTo: string | null; reauth?: boolean }) {
  const { t } = useTranslation('bankid');
  return (
    <>
      <h1 className="heading-xl">{t(reauth ? 'login.reauth.title' : `login.${kind}.title`)}</h1>
      <p className="lead">{t(reauth ? 'login.reauth.lead' : `login.${kind}.lead`)}</p>
      <Form method="post">
        <CsrfInput />
        {redirectTo ? <input type="hidden" name="redirectTo" value={redirectTo} /> : null}
        <BankIdMethodButtons />
      </Form>
      <p className="body">{t(`login.${kind}.help`)}</p>
    </>
  );
}
