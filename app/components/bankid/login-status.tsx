import { Form, Link } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { CsrfInput } from '~/components/csrf-input';
import { Button, ButtonGroup } from '~/components/ui/button';
import type { LoginStatus } from '~/utils/bankid/login-routes.server';
import { RefreshWhilePending, usePollWhilePending } from './order-polling';

/**
 * The order's status while the person uses the BankID app. With JavaScript the loader is polled
 * every second (it collects at most every 2 s and returns a fresh QR); without JavaScript the page
 * refreshes itself every 2 s and "Jag har legitimerat mig" checks at once. Also used while signing
 * a request (`signing`), where the texts speak of signing rather than identifying.
 */
export function BankIdLoginStatus({ status, startOver, signing = false }: { status: LoginStatus; startOver: string; signing?: boolean }) {
  const { t } = useTranslation('bankid');
  const pending = status.state === 'pending';
  usePollWhilePending(pending, 1000);

  if (status.state === 'refused') {
    return (
      <>
        <h1 className="heading-xl">{t('status.refusedTitle')}</h1>
        <p className="body" role="alert">
          {t(`refused.${status.refusal}`)}
        </p>
        <p className="body">
          <Link to={startOver}>{t('status.startOver')}</Link>
        </p>
      </>
    );
  }

  return (
    <>
      <RefreshWhilePending pending={pending} />
      <h1 className="heading-xl">{t(`status.${status.method === 'qr' ? 'titleQr' : 'titleAutostart'}${signing ? 'Sign' : ''}`)}</h1>
      <p className="bankid-status body-l" role="status" aria-live="polite">
        {status.rfa ? t(`rfa.${status.rfa}`) : null}
      </p>
      {status.qrDataUri ? (
        <div className="bankid-qr">
          <img src={status.qrDataUri} alt={t('status.qrAlt')} width={240} height={240} />
          <p className="hint">{t('status.qrHelp')}</p>
        </div>
      ) : null}
      {status.autostartUrl ? (
        <p className="body">
          <a href={status.autostartUrl} className="button">
            {t('status.openApp')}
          </a>
        </p>
      ) : null}
      {status.simulatorAppUrl && pending ? (
        <p className="body">
          {t('status.simulatorHint')}{' '}
          <a href={status.simulatorAppUrl} target="_blank" rel="noreferrer">
            {t('status.simulatorLink')}
          </a>
        </p>
      ) : null}
      {pending ? (
        <Form method="post">
          <CsrfInput />
          <ButtonGroup>
            <Button name="intent" value="check" variant="secondary">
              {t(signing ? 'status.doneSign' : 'status.done')}
            </Button>
            <Button name="intent" value="cancel" variant="warning">
              {t('status.cancel')}
            </Button>
          </ButtonGroup>
        </Form>
      ) : (
        <p className="body">
          <Link to={startOver} className="button">
            {t('status.tryAgain')}
          </Link>
        </p>
      )}
    </>
  );
}
