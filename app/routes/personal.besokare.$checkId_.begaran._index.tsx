/**
 * A request registered at the reception for the identified visitor or caller (issue #8; seed 004
 * bilaga 6): the official goes through the same journey as a resident online, then registers it
 * on the check page. Starting makes a draft the official owns, bound to the person's identity
 * check (ADR 016); an unfinished one is offered again after a new check of the same person.
 */
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { CsrfInput } from '~/components/csrf-input';
import { BackLink } from '~/components/ui/back-link';
import { Button, ButtonGroup } from '~/components/ui/button';
import { maskPersonnummer } from '~/domain/personnummer';
import { journeySteps } from '~/domain/request-journey';
import { continueVisitorDraft, createVisitorDraft, latestVisitorDraft } from '~/models/draft.server';
import { validateCsrf } from '~/utils/csrf.server';
import { i18next } from '~/utils/i18next.server';
import { pageMeta } from '~/utils/page-meta';
import { requireVisitorRegistrar } from '~/utils/request-context.server';

export const handle = { i18n: ['walkin', 'visitor'] };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { staff, check } = await requireVisitorRegistrar(request, params.checkId);
  const t = await i18next.getFixedT(request, ['walkin', 'common']);
  const open = await latestVisitorDraft({ staffId: staff.id, visitorPnrLookup: check.pnrLookup });
  return json({
    title: `${t('walkin:start.title')} – ${t('common:service.name')}`,
    checkId: check.id,
    person: { name: check.name, pnrMasked: maskPersonnummer(check.personnummer), method: check.method },
    hasOpenDraft: !!open,
  });
}

export const meta: MetaFunction<typeof loader> = ({ matches }) => pageMeta(matches);

export async function action({ request, params }: ActionFunctionArgs) {
  const { staff, check, overview } = await requireVisitorRegistrar(request, params.checkId);
  const form = await request.formData();
  await validateCsrf(form, request);
  const base = `/personal/besokare/${check.id}/begaran`;
  if (form.get('intent') === 'continue') {
    const open = await continueVisitorDraft({ staffId: staff.id, checkId: check.id, visitorPnrLookup: check.pnrLookup });
    // The check page sends the official on to the first question not yet answered.
    if (open) return redirect(`${base}/${open.id}/kontrollera`);
  }
  const initial = overview.kommuner.length === 1 ? { kommunId: overview.kommuner[0]!.id } : {};
  const id = await createVisitorDraft({ staffId: staff.id, checkId: check.id }, initial);
  return redirect(`${base}/${id}/${journeySteps(initial, overview.kommuner.length)[0]}`);
}

export default function StartVisitorRequest() {
  const { t } = useTranslation('walkin');
  const d = useLoaderData<typeof loader>();
  return (
    <>
      <BackLink to={`/personal/besokare/${d.checkId}`}>{t('back')}</BackLink>
      <span className="caption-l">{t('start.caption', { name: d.person.name, pnr: d.person.pnrMasked })}</span>
      <h1 className="heading-l">{t('start.title')}</h1>
      <p className="body">{t(d.person.method === 'bankid_phone' ? 'start.introPhone' : 'start.introDesk')}</p>
      <p className="body">{t('start.representative')}</p>
      <p className="body">{t('start.afterwards')}</p>
      <Form method="post">
        <CsrfInput />
        <ButtonGroup>
          <Button name="intent" value="start" isStart>
            {t('start.button')}
          </Button>
          {d.hasOpenDraft ? (
            <Button name="intent" value="continue" variant="secondary">
              {t('start.continue')}
            </Button>
          ) : null}
        </ButtonGroup>
      </Form>
    </>
  );
}
