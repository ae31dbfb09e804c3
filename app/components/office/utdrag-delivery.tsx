/**
 * Delivery on the registerutdrag page (issue #7): how the answer reaches the person, the change of
 * method on their request, and for rekommenderat brev the print file and the record of sending.
 * Plain multipart forms: they work without JavaScript.
 */
import { Form } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { CsrfInput } from '~/components/csrf-input';
import { Button } from '~/components/ui/button';
import { InsetText } from '~/components/ui/inset-text';
import { Radios } from '~/components/ui/radios';
import { TextInput } from '~/components/ui/text-input';
import { Textarea } from '~/components/ui/textarea';
import { WarningText } from '~/components/ui/warning-text';
import { DELIVERY, type Delivery } from '~/domain/request-journey';
import { formatFileSize, formatLongDate } from '~/utils/text-format';

type Errors = Record<string, string>;

export function DeliveryPanel({ method, built, errors, values }: { method: Delivery; built: boolean; errors: Errors; values?: Record<string, string> }) {
  const { t } = useTranslation('office');
  const error = (field: string) => (errors[field] ? t(`utdrag.errors.${errors[field]}`) : undefined);
  return (
    <section className="section" aria-labelledby="leverans">
      <h2 className="heading-m" id="leverans">
        {t('utdrag.delivery.title')}
      </h2>
      <p className="body">{t('utdrag.delivery.current', { method: t(`utdrag.delivery.methods.${method}`) })}</p>
      {method === 'registered_post' ? <InsetText>{t('utdrag.delivery.postHint')}</InsetText> : null}
      <Form method="post" encType="multipart/form-data">
        <CsrfInput />
        <h3 className="heading-s">{t('utdrag.delivery.changeTitle')}</h3>
        <p className="body hint">{t(built ? 'utdrag.delivery.changeIntroBuilt' : 'utdrag.delivery.changeIntro')}</p>
        <Radios
          id="deliveryMethod"
          name="deliveryMethod"
          legend={t('utdrag.delivery.method')}
          legendSize="s"
          defaultValue={values?.deliveryMethod}
          error={error('deliveryMethod')}
          items={DELIVERY.filter((d) => d !== method).map((d) => ({ value: d, label: t(`utdrag.delivery.methods.${d}`) }))}
        />
        <Textarea id="deliveryReason" name="reason" label={t('utdrag.delivery.reason')} labelSize="s" hint={t('utdrag.delivery.reasonHint')} rows={2} defaultValue={values?.reason} error={error('deliveryReason')} />
        <Button variant="secondary" name="intent" value="delivery">
          {t('utdrag.delivery.change')}
        </Button>
      </Form>
    </section>
  );
}

export type PostPackage = {
  id: string;
  status: string;
  mailing: 'address' | 'formedling' | null;
  size: number | null;
  notPrinted: { title: string; filename: string }[];
  sentOn: string | null;
  trackingNumber: string | null;
};

/** The print file of a package for post and the record of sending it. */
export function PostPanel({ pkg, printHref, today, locale, errors, values }: { pkg: PostPackage; printHref: string; today: string; locale: string; errors: Errors; values?: Record<string, string> }) {
  const { t } = useTranslation('office');
  const error = (field: string) => (errors[field] ? t(`utdrag.errors.${errors[field]}`) : undefined);
  if (pkg.status === 'delivered' && pkg.sentOn && pkg.trackingNumber) {
    return <p className="body">{t(pkg.mailing === 'formedling' ? 'utdrag.post.sentFormedling' : 'utdrag.post.sent', { date: formatLongDate(pkg.sentOn, locale), tracking: pkg.trackingNumber })}</p>;
  }
  if (pkg.status !== 'built') return null;
  return (
    <>
      <p className="body">{t('utdrag.post.ready')}</p>
      {pkg.mailing === 'formedling' ? <WarningText>{t('utdrag.post.formedling')}</WarningText> : null}
      <p className="body">
        {/* A plain link: the server sends the PDF as an attachment. */}
        <a href={printHref}>{t('utdrag.post.download', { size: pkg.size !== null ? formatFileSize(pkg.size, locale) : '' })}</a>
      </p>
      {pkg.notPrinted.length ? (
        <>
          <p className="body">{t('utdrag.post.notPrinted')}</p>
          <ul className="list list--bullet">
            {pkg.notPrinted.map((n) => (
              <li key={n.filename}>
                <span lang="sv">{n.title}</span> ({n.filename})
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <Form method="post" encType="multipart/form-data">
        <CsrfInput />
        <input type="hidden" name="packageId" value={pkg.id} />
        <h3 className="heading-s">{t('utdrag.post.sentTitle')}</h3>
        <TextInput id="sentOn" name="sentOn" label={t('utdrag.post.sentOn')} labelSize="s" hint={t('utdrag.post.sentOnHint')} width={10} defaultValue={values?.sentOn ?? today} error={error('sentOn')} />
        <TextInput id="trackingNumber" name="trackingNumber" label={t('utdrag.post.trackingNumber')} labelSize="s" hint={t('utdrag.post.trackingNumberHint')} width={20} defaultValue={values?.trackingNumber} error={error('trackingNumber')} autoComplete="off" />
        <Button name="intent" value="sent">
          {t('utdrag.post.record')}
        </Button>
      </Form>
    </>
  );
}
