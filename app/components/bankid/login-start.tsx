import { Form } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { CsrfInput } from '~/components/csrf-input';
import { Button, ButtonGroup } from '~/components/ui/button';

/** The choice between BankID on this device (autostart) and Mobilt BankID on another (QR). */
export function BankIdLoginStart({ kind, redirectTo }: { kind: 'resident' | 'staff'; redirectTo: string | null }) {
  const { t } = useTranslation('bankid');
  return (
    <>
      <h1 className="heading-xl">{t(`login.${kind}.title`)}</h1>
      <p className="lead">{t(`login.${kind}.lead`)}</p>
      <Form method="post">
        <CsrfInput />
        {redirectTo ? <input type="hidden" name="redirectTo" value={redirectTo} /> : null}
        <ButtonGroup>
          <Button name="method" value="autostart">
            {t('login.thisDevice')}
          </Button>
          <Button name="method" value="qr" variant="secondary">
            {t('login.otherDevice')}
          </Button>
        </ButtonGroup>
      </Form>
      <p className="body">{t(`login.${kind}.help`)}</p>
    </>
  );
}
