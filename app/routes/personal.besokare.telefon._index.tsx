/**
 * Phone identification, the start (issue #8): a reception or kontaktcenter official enters the
 * caller's personnummer, says who called (BankID's callInitiator: "user" when the person called
 * us, "RP" when we call them) and starts BankID `phone/auth`. The status page follows the order.
 */
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, useActionData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { CsrfInput } from '~/components/csrf-input';
import { BackLink } from '~/components/ui/back-link';
import { Button } from '~/components/ui/button';
import { ErrorSummary } from '~/components/ui/error-summary';
import { Radios } from '~/components/ui/radios';
import { TextInput } from '~/components/ui/text-input';
import { parsePersonnummer, type PersonnummerError } from '~/domain/personnummer';
import { getSamverkanOverview } from '~/models/organisation.server';
import { startPhoneIdentification } from '~/utils/bankid/phone.server';
import { validateCsrf } from '~/utils/csrf.server';
import { todayInStockholm } from '~/utils/dates.server';
import { i18next } from '~/utils/i18next.server';
import { requireVerifier } from '~/utils/identity-scope.server';
import { pageMeta } from '~/utils/page-meta';
import { bankIdStartLimiter } from '~/utils/start-limit.server';

export const handle = { i18n: ['phoneid'] };

const CALL_INITIATORS = ['user', 'RP'] as const;
type CallInitiator = (typeof CALL_INITIATORS)[number];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireVerifier(request);
  const t = await i18next.getFixedT(request, ['phoneid', 'common']);
  return json({ title: `${t('phoneid:start.title')} – ${t('common:service.name')}` });
}

export const meta: MetaFunction<typeof loader> = ({ matches }) => pageMeta(matches);

type Errors = { personnummer?: PersonnummerError | 'required' | 'tooMany'; callInitiator?: 'required' };

export async function action({ request }: ActionFunctionArgs) {
  const { puaIds, official } = await requireVerifier(request);
  const form = await request.formData();
  await validateCsrf(form, request);
  const values = { personnummer: String(form.get('personnummer') ?? '').trim(), callInitiator: String(form.get('callInitiator') ?? '') };

  const errors: Errors = {};
  const parsed = values.personnummer ? parsePersonnummer(values.personnummer, todayInStockholm()) : null;
  if (!parsed) errors.personnummer = 'required';
  else if (!parsed.ok) errors.personnummer = parsed.error;
  const callInitiator = CALL_INITIATORS.find((c) => c === values.callInitiator);
  if (!callInitiator) errors.callInitiator = 'required';
  // Each start rings a person's BankID app: an official gets as many as the login's per-browser allowance.
  if (!errors.personnummer && !errors.callInitiator && !bankIdStartLimiter().allow(`phone:${official.staffId}`)) errors.personnummer = 'tooMany';
  if (errors.personnummer || errors.callInitiator || !parsed?.ok || !callInitiator) return json({ errors, values }, { status: 400 });

  const order = await startPhoneIdentification({
    staffId: official.staffId,
    sessionId: official.sessionId,
    personnummer: parsed.pnr.value,
    callInitiator,
    visibleText: await visibleText(request, puaIds),
  });
  return redirect(`/personal/besokare/telefon/${order.id}`);
}

/** What the BankID app shows the caller, in the official's language, naming their kommun when there is one. */
async function visibleText(request: Request, puaIds: string[]): Promise<string> {
  const [t, overview] = await Promise.all([i18next.getFixedT(request, 'phoneid'), getSamverkanOverview()]);
  const kommuner = overview.kommuner.filter((k) => k.pua.some((p) => puaIds.includes(p.id)));
  return kommuner.length === 1 ? t('start.visibleText', { kommun: kommuner[0]!.name }) : t('start.visibleTextGeneric');
}

export default function StartPhoneIdentification() {
  const { t } = useTranslation('phoneid');
  const result = useActionData<typeof action>();
  const errors: Errors = result?.errors ?? {};
  const messages = {
    personnummer: errors.personnummer ? t(`errors.personnummer.${errors.personnummer}`) : undefined,
    callInitiator: errors.callInitiator ? t(`errors.callInitiator.${errors.callInitiator}`) : undefined,
  };
  const summary = Object.entries(messages)
    .filter((e): e is [string, string] => !!e[1])
    .map(([fieldId, message]) => ({ fieldId, message }));
  const initiatorLabel = (c: CallInitiator) => t(c === 'user' ? 'start.initiatorUser' : 'start.initiatorRP');

  return (
    <>
      <BackLink to="/personal/besokare" />
      {summary.length ? <ErrorSummary errors={summary} /> : null}
      <h1 className="heading-l">{t('start.title')}</h1>
      <p className="body">{t('start.lead')}</p>
      <Form method="post">
        <CsrfInput />
        <TextInput
          id="personnummer"
          name="personnummer"
          label={t('start.personnummer')}
          labelSize="s"
          hint={t('start.personnummerHint')}
          error={messages.personnummer}
          defaultValue={result?.values.personnummer}
          inputMode="numeric"
          autoComplete="off"
          spellCheck={false}
          width={20}
        />
        <Radios
          id="callInitiator"
          name="callInitiator"
          legend={t('start.initiator')}
          legendSize="s"
          hint={t('start.initiatorHint')}
          error={messages.callInitiator}
          items={CALL_INITIATORS.map((c) => ({ value: c, label: initiatorLabel(c) }))}
          defaultValue={result?.values.callInitiator}
        />
        <Button>{t('start.submit')}</Button>
      </Form>
    </>
  );
}
