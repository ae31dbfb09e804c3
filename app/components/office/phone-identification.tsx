import { Form, Link } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { CsrfInput } from '~/components/csrf-input';
import { Button, ButtonGroup } from '~/components/ui/button';
import { RefreshWhilePending, usePollWhilePending } from '~/components/bankid/order-polling';
import type { RfaCode } from '~/utils/bankid/messages';

/**
 * How the caller's BankID phone identification is going, as the official sees it (issue #8). While
 * it is pending the page follows it by itself: with JavaScript the loader is revalidated every 2 s
 * (BankID is collected at most that often anyway); without, the page reloads itself every 2 s, and
 * "Uppdatera status" does the same by hand. The RFA text is BankID's own wording, read out to the caller.
 */
export function PhoneIdentificationStatus({ state, rfa, here, startOver }: { state: 'pending' | 'failed'; rfa: RfaCode; here: string; startOver: string }) {
  const { t } = useTranslation(['phoneid', 'bankid']);
  const pending = state === 'pending';
  usePollWhilePending(pending, 2000);

  return (
    <>
      <RefreshWhilePending pending={pending} />
      <h1 className="heading-l">{t(pending ? 'status.title' : 'status.failedTitle')}</h1>
      {pending ? <p className="body">{t('status.lead')}</p> : null}
      <p className="bankid-status body-l" role="status" aria-live="polite">
        {t(`bankid:rfa.${rfa}`)}
      </p>
      {pending ? (
        <Form method="post" action={here}>
          <CsrfInput />
          <ButtonGroup>
            <Button name="intent" value="cancel" variant="warning">
              {t('status.cancel')}
            </Button>
            <Link to={here}>{t('status.refresh')}</Link>
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
