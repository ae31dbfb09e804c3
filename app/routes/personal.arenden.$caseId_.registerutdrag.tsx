/**
 * Compiling the registerutdrag of a case (issue #7), for the GDPR-samordnare of its PUA: the items
 * gathered from the system owners' answers and files (and documents added here), each linked to a
 * processing activity and reviewed — lämnas ut, maskerad, or inte — then the package: prepared,
 * approved by a second samordnare when the PUA asks for four-eyes, built in the background and
 * released in Mina ärenden. An exclusion needs a beslut (delvis bifall) before the package: the
 * page drafts it from the exclusions. Every form works without JavaScript.
 */
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { UtdragItemForm } from '~/components/office/utdrag-item-form';
import { DeliveryPanel, PostPanel } from '~/components/office/utdrag-delivery';
import { CsrfInput } from '~/components/csrf-input';
import { BackLink } from '~/components/ui/back-link';
import { Button } from '~/components/ui/button';
import { ErrorSummary } from '~/components/ui/error-summary';
import { FileUpload } from '~/components/ui/file-upload';
import { NotificationBanner } from '~/components/ui/notification-banner';
import { Select } from '~/components/ui/select';
import { TextInput } from '~/components/ui/text-input';
import type { Right } from '~/domain/requests';
import { exclusionDecisionPart, type ItemReview } from '~/domain/utdrag-review';
import { queueUtdragBuild } from '~/jobs/utdrag.server';
import { openDecision, saveDecisionDraft } from '~/models/decisions.server';
import { addUtdragDocument, gatherUtdragItems, listUtdragItems, reviewUtdragItem, setItemActivity } from '~/models/utdrag-items.server';
import { approveUtdragPackage, currentUtdragPackage, prepareUtdragPackage, utdragReadiness } from '~/models/utdrag-package.server';
import { caseDeliveryMethod, changeDeliveryMethod, recordUtdragSent } from '~/models/utdrag-delivery.server';
import { formatTrackingNumber } from '~/domain/tracking-number';
import { todayInStockholm } from '~/utils/dates.server';
import { validateCsrf } from '~/utils/csrf.server';
import { utdragScope } from '~/utils/utdrag-scope.server';
import { i18next } from '~/utils/i18next.server';
import { pageMeta } from '~/utils/page-meta';
import { formatLongDate } from '~/utils/text-format';
import { parseUploadForm } from '~/utils/uploads.server';

export const handle = { i18n: ['office', 'request'] };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { staff, found, activities } = await utdragScope(request, params.caseId);
  // New answers since the last visit become items; earlier reviews stay.
  await gatherUtdragItems(found.id);
  const [t, locale, items, readiness, pkg, deliveryMethod] = await Promise.all([
    i18next.getFixedT(request, ['office', 'common']),
    i18next.getLocale(request),
    listUtdragItems(found.id),
    utdragReadiness(found.id),
    currentUtdragPackage(found.id),
    caseDeliveryMethod(found.id),
  ]);
  const flash = new URL(request.url).searchParams.get('klart');
  return json({
    title: `${t('office:utdrag.title')} ${found.diarienummer} – ${t('common:service.name')}`,
    locale,
    flash,
    case: { id: found.id, diarienummer: found.diarienummer, puaName: found.puaName },
    activities: activities.map((a) => ({ code: a.code, name: a.name })),
    items: items.map((i) => ({ id: i.id, kind: i.kind, title: i.title, activityCode: i.activityCode, review: i.review, file: i.file ? { filename: i.file.filename } : null, redactedFile: i.redactedFile ? { filename: i.redactedFile.filename } : null })),
    readiness,
    package: pkg
      ? {
          id: pkg.id,
          status: pkg.status,
          deliveryMethod: pkg.deliveryMethod,
          mayApprove: pkg.status === 'awaiting_approval' && pkg.preparedByStaffId !== staff.id,
          availableUntil: pkg.availableUntil,
          files: pkg.manifest?.files.length ?? 0,
          mailing: pkg.mailing,
          size: pkg.size,
          notPrinted: pkg.notPrinted ?? [],
          sentOn: pkg.sentOn,
          trackingNumber: pkg.trackingNumber ? formatTrackingNumber(pkg.trackingNumber) : null,
        }
      : null,
    deliveryMethod,
    today: todayInStockholm(),
  });
}

/** Forms whose fields have plain ids (one of each on the page), unlike the items' forms. */
const PLAIN_IDS = new Set(['document', 'delivery', 'sent']);

/** What the samordnare is told once the package is being built, by how it goes out. */
const BUILT_FLASH = { portal: 'skapat', registered_post: 'utskrift', reception: 'receptionen' } as const;

export const meta: MetaFunction<typeof loader> = ({ matches }) => pageMeta(matches);

type ActionData = { itemId?: string; errors: Record<string, string>; values?: Record<string, string> };

export async function action({ request, params }: ActionFunctionArgs) {
  const { staff, found, activities } = await utdragScope(request, params.caseId);
  const { formData, files, errors: uploadErrors } = await parseUploadForm(request, { fieldName: 'file', maxFiles: 1 });
  await validateCsrf(formData, request);
  const field = (name: string) => String(formData.get(name) ?? '').trim();
  const here = (flash: string) => redirect(`/personal/arenden/${found.id}/registerutdrag?klart=${flash}`);
  const codes = new Set(activities.map((a) => a.code));
  const itemId = field('itemId');

  switch (field('intent')) {
    case 'review': {
      const values = { outcome: field('outcome'), ground: field('ground'), oslReference: field('oslReference'), statuteReference: field('statuteReference'), note: field('note'), activityCode: field('activityCode') };
      if (uploadErrors.length) return json<ActionData>({ itemId, errors: { redactedFile: `upload.${uploadErrors[0]!.code}` }, values }, { status: 400 });
      if (!codes.has(values.activityCode)) return json<ActionData>({ itemId, errors: { activityCode: 'activity' }, values }, { status: 400 });
      const r = await reviewUtdragItem({ caseId: found.id, itemId, staffId: staff.id, review: values, redacted: files[0] });
      if (!r.ok) {
        if ('notFound' in r) throw new Response('Not Found', { status: 404 });
        return json<ActionData>({ itemId, errors: Object.fromEntries(Object.entries(r.errors).map(([k, v]) => [k, `review.${v}`])), values }, { status: 400 });
      }
      await setItemActivity({ caseId: found.id, itemId, staffId: staff.id, activityCode: values.activityCode });
      return here('granskad');
    }
    case 'document': {
      const values = { title: field('title'), activityCode: field('activityCode') };
      const errors: Record<string, string> = {};
      if (uploadErrors.length) errors.file = `upload.${uploadErrors[0]!.code}`;
      else if (!files[0]) errors.file = 'fileRequired';
      if (!codes.has(values.activityCode)) errors.docActivityCode = 'activity';
      if (Object.keys(errors).length) return json<ActionData>({ itemId: 'document', errors, values }, { status: 400 });
      await addUtdragDocument({ caseId: found.id, staffId: staff.id, file: files[0]!, title: values.title, activityCode: values.activityCode });
      return here('tillagd');
    }
    case 'draftDecision': {
      // The exclusions as the registerutdrag part of a delvis bifall; the decision page takes it from there.
      const reviews = (await listUtdragItems(found.id)).map((i) => i.review).filter((r): r is ItemReview => !!r);
      const open = await openDecision(found.id, { kind: 'request' });
      const part = exclusionDecisionPart(reviews, (open?.language ?? 'sv') as 'sv' | 'en');
      if (!part) return here('inget-beslut');
      const parts = [part, ...(open?.parts ?? []).filter((p) => p.right !== 'registerutdrag')];
      await saveDecisionDraft({ caseId: found.id, staffId: staff.id, purpose: { kind: 'request' }, parts, rights: found.rights as Right[] });
      return redirect(`/personal/arenden/${found.id}/beslut`);
    }
    case 'prepare': {
      const r = await prepareUtdragPackage({ caseId: found.id, staffId: staff.id });
      if (!r.ok) return json<ActionData>({ errors: { package: `prepare.${r.error}` } }, { status: 400 });
      if (r.status === 'approved') {
        await queueUtdragBuild({ caseId: found.id, packageId: r.packageId, staffId: staff.id });
        return here(BUILT_FLASH[r.deliveryMethod]);
      }
      return here('forberett');
    }
    case 'approve': {
      const r = await approveUtdragPackage({ caseId: found.id, packageId: field('packageId'), staffId: staff.id });
      if (!r.ok) return json<ActionData>({ errors: { package: `approve.${r.error}` } }, { status: 400 });
      await queueUtdragBuild({ caseId: found.id, packageId: field('packageId'), staffId: staff.id });
      return here(r.deliveryMethod === 'portal' ? 'godkant' : BUILT_FLASH[r.deliveryMethod]);
    }
    case 'delivery': {
      const values = { deliveryMethod: field('deliveryMethod'), reason: field('reason') };
      const r = await changeDeliveryMethod({ caseId: found.id, staffId: staff.id, method: values.deliveryMethod, reason: values.reason });
      if (!r.ok) {
        if (r.error === 'not-found') throw new Response('Not Found', { status: 404 });
        const at = r.error === 'reasonRequired' || r.error === 'tooLong' ? 'deliveryReason' : 'deliveryMethod';
        return json<ActionData>({ itemId: 'delivery', errors: { [at]: `delivery.${r.error}` }, values }, { status: 400 });
      }
      return here('leverans');
    }
    case 'sent': {
      const values = { sentOn: field('sentOn'), trackingNumber: field('trackingNumber') };
      const r = await recordUtdragSent({ caseId: found.id, packageId: field('packageId'), staffId: staff.id, ...values });
      if (!r.ok) {
        if ('error' in r) throw new Response('Not Found', { status: 404 });
        return json<ActionData>({ itemId: 'sent', errors: Object.fromEntries(Object.entries(r.errors).map(([k, v]) => [k, `sent.${k}.${v}`])), values }, { status: 400 });
      }
      return here('skickat');
    }
    default:
      throw new Response('Bad Request', { status: 400 });
  }
}

export default function UtdragPage() {
  const { t } = useTranslation(['office', 'request']);
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const message = (code: string | undefined) => (code ? t(`utdrag.errors.${code}`) : undefined);
  const summary = Object.entries(result?.errors ?? {}).map(([field, code]) => ({ fieldId: result?.itemId && field !== 'package' && !PLAIN_IDS.has(result.itemId) ? `${field}-${result.itemId}` : field, message: message(code)! }));
  const activityOptions = [{ value: '', label: t('utdrag.chooseActivity') }, ...d.activities.map((a) => ({ value: a.code, label: a.name, lang: 'sv' }))];
  return (
    <>
      <BackLink to={`/personal/arenden/${d.case.id}`}>{t('appeal.back')}</BackLink>
      {summary.length ? <ErrorSummary errors={summary} /> : null}
      {d.flash ? (
        <NotificationBanner variant="success" title={t('case.flash.title')}>
          <p className="notification-banner__heading">{t(`utdrag.flash.${d.flash}`, { defaultValue: '' })}</p>
        </NotificationBanner>
      ) : null}
      <span className="caption-l">
        {d.case.diarienummer}, {d.case.puaName}
      </span>
      <h1 className="heading-l">{t('utdrag.title')}</h1>
      <p className="body">{t('utdrag.intro')}</p>

      <h2 className="heading-m">{t('utdrag.itemsTitle', { count: d.items.length })}</h2>
      {d.items.length === 0 ? <p className="body">{t('utdrag.noItems')}</p> : null}
      {d.items.map((item) => (
        <UtdragItemForm
          key={item.id}
          item={item}
          activityOptions={activityOptions}
          errors={result?.itemId === item.id ? result.errors : {}}
          values={result?.itemId === item.id ? result.values : undefined}
        />
      ))}

      <Form method="post" encType="multipart/form-data" className="section">
        <CsrfInput />
        <h2 className="heading-m">{t('utdrag.addDocument')}</h2>
        <TextInput id="title" name="title" label={t('utdrag.documentTitle')} labelSize="s" defaultValue={result?.itemId === 'document' ? result.values?.title : undefined} />
        <Select id="docActivityCode" name="activityCode" label={t('utdrag.activity')} labelSize="s" options={activityOptions} error={message(result?.itemId === 'document' ? result.errors.docActivityCode : undefined)} />
        <FileUpload id="file" single label={t('utdrag.documentFile')} error={message(result?.itemId === 'document' ? result.errors.file : undefined)} />
        <Button variant="secondary" name="intent" value="document">
          {t('utdrag.addDocumentButton')}
        </Button>
      </Form>

      <h2 className="heading-m" id="package">
        {t('utdrag.packageTitle')}
      </h2>
      <p className="body">{t(`utdrag.outcome.${d.readiness.outcome}`)}</p>
      {d.readiness.error ? <p className="body">{t(`utdrag.readiness.${d.readiness.error}`)}</p> : null}
      {d.readiness.error === 'needs-decision' ? (
        <Form method="post" encType="multipart/form-data">
          <CsrfInput />
          <Button variant="secondary" name="intent" value="draftDecision">
            {t('utdrag.draftDecision')}
          </Button>
        </Form>
      ) : null}
      {d.package ? <PackageStatus pkg={d.package} locale={d.locale} /> : null}
      {d.package?.deliveryMethod === 'registered_post' ? (
        <PostPanel pkg={d.package} printHref={`/personal/arenden/${d.case.id}/registerutdrag/utskrift`} today={d.today} locale={d.locale} errors={result?.itemId === 'sent' ? result.errors : {}} values={result?.itemId === 'sent' ? result.values : undefined} />
      ) : null}
      {!d.readiness.error ? (
        <p className="body">
          <a href={`/personal/arenden/${d.case.id}/registerutdrag/forhandsgranska`}>{t('utdrag.preview')}</a>
        </p>
      ) : null}
      {d.package?.mayApprove ? (
        <Form method="post" encType="multipart/form-data">
          <CsrfInput />
          <input type="hidden" name="packageId" value={d.package.id} />
          <Button name="intent" value="approve">
            {t('utdrag.approve')}
          </Button>
        </Form>
      ) : null}
      {/* Again: a package not yet built, one removed, or one made for another delivery method than the case's now. */}
      {!d.readiness.error && (!d.package || d.package.status === 'awaiting_approval' || d.package.status === 'approved' || d.package.status === 'removed' || d.package.deliveryMethod !== d.deliveryMethod) ? (
        <Form method="post" encType="multipart/form-data">
          <CsrfInput />
          <Button name="intent" value="prepare" variant={d.package ? 'secondary' : undefined}>
            {t(d.package ? 'utdrag.prepareAgain' : 'utdrag.prepare')}
          </Button>
        </Form>
      ) : null}
      {result?.errors.package ? <p className="error-message">{message(result.errors.package)}</p> : null}
      <DeliveryPanel method={d.deliveryMethod} built={d.package?.status === 'built' || d.package?.status === 'delivered'} errors={result?.itemId === 'delivery' ? result.errors : {}} values={result?.itemId === 'delivery' ? result.values : undefined} />
      <p className="body">
        <Link to={`/personal/arenden/${d.case.id}`}>{t('appeal.back')}</Link>
      </p>
    </>
  );
}

type PackageView = { status: string; deliveryMethod: string; availableUntil: string | null; files: number };

/** Where the package stands; for post the PostPanel says the rest. */
function PackageStatus({ pkg, locale }: { pkg: PackageView; locale: string }) {
  const { t } = useTranslation('office');
  const date = pkg.availableUntil ? formatLongDate(pkg.availableUntil, locale) : '';
  if (pkg.deliveryMethod === 'registered_post' && (pkg.status === 'built' || pkg.status === 'delivered')) return null;
  if (pkg.deliveryMethod === 'reception' && (pkg.status === 'built' || pkg.status === 'delivered')) return <p className="body">{t(`utdrag.reception.${pkg.status}`, { date })}</p>;
  return <p className="body">{t(`utdrag.status.${pkg.status}`, { date, files: pkg.files })}</p>;
}
