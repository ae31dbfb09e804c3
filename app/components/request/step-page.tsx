import { Form, useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { CsrfInput } from '~/components/csrf-input';
import { BackLink } from '~/components/ui/back-link';
import { Button } from '~/components/ui/button';
import { ErrorSummary } from '~/components/ui/error-summary';
import type { stepAction, stepLoader } from '~/utils/request-pages.server';
import { StepFields } from './step-fields';
import { errorMessage } from './texts';
import { VisitorCaption } from './visitor-caption';

/** One question page of the request journey, for the resident and for the reception alike. */
export function StepPage() {
  const { t } = useTranslation('request');
  const data = useLoaderData<typeof stepLoader>();
  const submitted = useActionData<typeof stepAction>();
  const errors: Record<string, string> = submitted?.errors ?? {};
  // Each field's own message ("Skriv vad som är fel i uppgifterna"), linking to that field.
  const errorList = Object.entries(errors).map(([field, code]) => ({ fieldId: field, message: errorMessage(t, data.step, field, code, data.answers.relation) }));

  return (
    <>
      <BackLink to={data.back}>{t('back')}</BackLink>
      {errorList.length ? <ErrorSummary errors={errorList} /> : null}
      <VisitorCaption visitor={data.visitor} />
      <Form method="post" noValidate>
        <CsrfInput />
        {data.fromCheck ? <input type="hidden" name="fromCheck" value="1" /> : null}
        <StepFields step={data.step} answers={data.answers} kommuner={data.kommuner} puas={data.puas} errors={errors} values={submitted?.values ?? null} />
        <Button>{t('continue')}</Button>
      </Form>
    </>
  );
}
