import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { CsrfInput } from '~/components/csrf-input';
import { StepFields } from '~/components/request/step-fields';
import { errorMessage } from '~/components/request/texts';
import { BackLink } from '~/components/ui/back-link';
import { Button } from '~/components/ui/button';
import { ErrorSummary } from '~/components/ui/error-summary';
import { deliveryOptions, journeySteps, nextStep, parseStep, previousStep, type Answers } from '~/domain/request-journey';
import { getResidentPersonnummer } from '~/models/resident.server';
import { saveDraftAnswers } from '~/models/draft.server';
import { validateCsrf } from '~/utils/csrf.server';
import { todayInStockholm } from '~/utils/dates.server';
import { formToRecord } from '~/utils/forms.server';
import { i18next } from '~/utils/i18next.server';
import { pageMeta } from '~/utils/page-meta';
import { requireDraft } from '~/utils/request-context.server';

export const handle = { i18n: ['request'] };

const TITLE_KEY: Record<string, string> = {
  kommun: 'steps.kommun.title',
  rattigheter: 'steps.rattigheter.title',
  'for-vem': 'steps.forVem.title',
  namnd: 'steps.namnd.title',
  kontakt: 'steps.kontakt.title',
  leverans: 'steps.leverans.title',
};

function titleKey(step: string, answers: Answers) {
  if (step === 'person') return `steps.person.title.${answers.relation ?? 'child'}`;
  if (step.startsWith('uppgifter-')) return `steps.details.${step.slice('uppgifter-'.length)}.title`;
  return TITLE_KEY[step] ?? 'pageTitle';
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { draft, overview, kommun, kommunCount } = await requireDraft(request, params.draftId);
  const step = params.step!;
  if (!journeySteps(draft.answers, kommunCount).includes(step)) throw new Response('Not Found', { status: 404 });
  const t = await i18next.getFixedT(request, ['request', 'common']);
  const fromCheck = new URL(request.url).searchParams.get('andra') === '1';
  const back = fromCheck ? 'kontrollera' : previousStep(step, draft.answers, kommunCount);
  return json({
    title: `${t(`request:${titleKey(step, draft.answers)}`)} – ${t('common:service.name')}`,
    step,
    answers: draft.answers,
    back: back ? `/begaran/${draft.id}/${back}` : '/begaran',
    fromCheck,
    kommuner: overview.kommuner.map((k) => ({ id: k.id, name: k.name })),
    puas: (kommun?.pua ?? []).map((p) => ({ id: p.id, name: p.name, description: p.description })),
  });
}

export const meta: MetaFunction<typeof loader> = ({ matches }) => pageMeta(matches);

/** guard → parse → 400 with what was typed → save → next page (STYLE.md). */
export async function action({ request, params }: ActionFunctionArgs) {
  const { residentId, draft, overview, kommun, kommunCount } = await requireDraft(request, params.draftId);
  const step = params.step!;
  if (!journeySteps(draft.answers, kommunCount).includes(step)) throw new Response('Not Found', { status: 404 });
  const form = await request.formData();
  await validateCsrf(form, request);
  const record = formToRecord(form);
  const result = parseStep(step, record, {
    today: todayInStockholm(),
    kommunIds: overview.kommuner.map((k) => k.id),
    puaIds: (kommun?.pua ?? []).map((p) => p.id),
    // Only the person step compares with the filer's own number; don't decrypt it for the others.
    filerPnr: step === 'person' ? ((await getResidentPersonnummer(residentId)) ?? '') : '',
  });
  if (!result.ok) return json({ errors: result.errors, values: result.values }, { status: 400 });
  // A delivery chosen before that the new answers no longer allow is dropped here, so the journey
  // asks again instead of failing on the check page. (Today every answer allows all three: with
  // skyddade personuppgifter post goes via Skatteverket's förmedling, DOMAIN.md §9.)
  const after = { ...draft.answers, ...result.patch };
  const patch = draft.answers.delivery && !deliveryOptions(after).includes(draft.answers.delivery) ? { ...result.patch, delivery: undefined } : result.patch;
  const saved = await saveDraftAnswers(draft.id, residentId, patch);
  if (!saved) throw new Response('Not Found', { status: 404 });
  // From the check page, go back there unless the change opened new questions (e.g. a new right).
  const next = nextStep(step, saved, kommunCount);
  const returnToCheck = record.fromCheck === '1' && !step.startsWith('for-vem') && step !== 'rattigheter';
  return redirect(`/begaran/${draft.id}/${returnToCheck ? 'kontrollera' : next}`);
}

export default function RequestStep() {
  const { t } = useTranslation('request');
  const data = useLoaderData<typeof loader>();
  const submitted = useActionData<typeof action>();
  const errors: Record<string, string> = submitted?.errors ?? {};
  // Each field's own message ("Skriv vad som är fel i uppgifterna"), linking to that field.
  const errorList = Object.entries(errors).map(([field, code]) => ({ fieldId: field, message: errorMessage(t, data.step, field, code, data.answers.relation) }));

  return (
    <>
      <BackLink to={data.back}>{t('back')}</BackLink>
      {errorList.length ? <ErrorSummary errors={errorList} /> : null}
      <Form method="post" noValidate>
        <CsrfInput />
        {data.fromCheck ? <input type="hidden" name="fromCheck" value="1" /> : null}
        <StepFields step={data.step} answers={data.answers} kommuner={data.kommuner} puas={data.puas} errors={errors} values={submitted?.values ?? null} />
        <Button>{t('continue')}</Button>
      </Form>
    </>
  );
}
