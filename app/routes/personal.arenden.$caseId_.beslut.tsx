/**
 * Writing and taking the beslut in a case (issue #6). Per requested right: outcome, legal grounds
 * from the library (their ready texts appear for editing once chosen) and motivering; files
 * withheld from the person. Someone holding a delegation point for the decision's type decides;
 * anyone else proposes, and a delegate approves or sends it back. Works without JavaScript:
 * choosing grounds and saving brings their texts up.
 *
 * The same page writes the decisions that answer an appeal: `?overklagande=<id>&typ=omprovning`
 * or `typ=avvisning` (the dismissal of a late appeal, FL 45 §).
 */
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { DecisionForm } from '~/components/office/decision-form';
import { DecisionReview } from '~/components/office/decision-review';
import { BackLink } from '~/components/ui/back-link';
import { ErrorSummary } from '~/components/ui/error-summary';
import type { AppliedGround, DecisionPart, LegalGroundId, RightOutcome } from '~/domain/decision-types';
import { RIGHT_OUTCOMES } from '~/domain/decision-types';
import { nextStatus, type CaseStatus } from '~/domain/case-status';
import { groundsFor, legalGround } from '~/domain/legal-grounds';
import type { Right } from '~/domain/requests';
import { decisionFiles, decisionLanguage, decisionRights, delegatedTypes, delegationIn, openDecision, proposeDecision, returnProposal, saveDecisionDraft, takeDecision, type DecisionResult } from '~/models/decisions.server';
import { validateCsrf } from '~/utils/csrf.server';
import { decisionScope } from '~/utils/decision-scope.server';
import { i18next } from '~/utils/i18next.server';
import { pageMeta } from '~/utils/page-meta';

export const handle = { i18n: ['office', 'request'] };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { scope, found, purpose, search } = await decisionScope(request, params.caseId);
  const [t, locale, open, files] = await Promise.all([i18next.getFixedT(request, ['office', 'common']), i18next.getLocale(request), openDecision(found.id, purpose), decisionFiles(found.id)]);
  // A decision on the request is taken once, while the state machine allows it.
  if (!open && purpose.kind === 'request' && nextStatus(found.status as CaseStatus, 'decide') === null) throw redirect(`/personal/arenden/${found.id}`);
  const delegation = await delegationIn(found.puaId, scope.staffId);
  const rights = open ? decisionRights(open, delegation) : null;
  const lang = (open?.language ?? (await decisionLanguage(found.id))) as 'sv' | 'en';
  const caseRights = found.rights as Right[];
  return json({
    title: `${t(`office:decision.title.${purpose.kind}`)} ${found.diarienummer} – ${t('common:service.name')}`,
    locale,
    search,
    purpose: purpose.kind,
    case: { id: found.id, diarienummer: found.diarienummer, puaName: found.puaName, kind: found.kind, rights: caseRights },
    decision: open ? { id: open.id, status: open.status, type: open.type, parts: open.parts, withheldFileIds: open.withheldFileIds, language: lang, proposedByMe: open.proposedByStaffId === scope.staffId } : null,
    // A proposal: may this person approve it? A draft: do they hold delegation here at all (the
    // type the parts amount to is checked when they decide).
    mayDecide: open?.status === 'proposed' ? (rights?.mayDecide ?? false) : delegatedTypes(delegation).length > 0,
    delegationPoint: rights?.point?.number ?? null,
    // The library, for the chosen grounds' ready texts, in the letter's language.
    grounds: Object.fromEntries(caseRights.map((r) => [r, groundsFor(r).map((g) => ({ id: g.id, title: g.title[locale === 'en' ? 'en' : 'sv'], provisions: g.provisions[lang], needsOslReference: g.needsOslReference, needsStatuteReference: !!g.needsStatuteReference, requiresJustification: g.requiresJustification }))])),
    files: files.map((f) => ({ id: f.id, filename: f.filename })),
  });
}

export const meta: MetaFunction<typeof loader> = ({ matches }) => pageMeta(matches);

export type DecisionActionData = { errors: { path: string; code: string }[]; parts?: DecisionPart[]; withheld?: string[] };

/** The form's fields as decision parts. A ground keeps the edited text; a new one gets the library's. */
function readParts(form: FormData, rights: Right[], lang: 'sv' | 'en'): DecisionPart[] {
  return rights.map((right) => {
    const outcome = String(form.get(`outcome.${right}`) ?? '');
    const chosen = form.getAll(`grounds.${right}`).map(String);
    const grounds: AppliedGround[] = chosen.flatMap((id) => {
      let ground;
      try {
        ground = legalGround(id as LegalGroundId);
      } catch {
        return [];
      }
      const edited = form.get(`groundText.${right}.${id}`);
      const osl = String(form.get(`osl.${right}.${id}`) ?? '').trim();
      const statute = String(form.get(`statute.${right}.${id}`) ?? '').trim();
      return [{ id: ground.id, text: typeof edited === 'string' ? edited.trim() : ground.text[lang], ...(ground.needsOslReference ? { oslReference: osl } : {}), ...(ground.needsStatuteReference ? { statuteReference: statute } : {}) }];
    });
    return { right, outcome: (RIGHT_OUTCOMES as readonly string[]).includes(outcome) ? (outcome as RightOutcome) : ('' as RightOutcome), grounds, motivering: String(form.get(`motivering.${right}`) ?? '').trim() };
  });
}

/**
 * The domain's error paths ("parts[0].grounds[1].text") as the form's ("radering.ground.<id>",
 * which is also the field's id with "-" for "."), so that each message sits at its field.
 */
function formErrors(errors: { path: string; code: string }[], parts: DecisionPart[]) {
  return errors.map((e) => {
    const m = /^parts\[(\d+)\]\.?(.*)$/.exec(e.path);
    const part = m ? parts[Number(m[1])] : undefined;
    if (!m || !part) return { path: 'decision', code: e.code };
    const rest = m[2] ?? '';
    const ground = /^grounds\[(\d+)\]\.?(.*)$/.exec(rest);
    if (ground) {
      const g = part.grounds[Number(ground[1])];
      const field = ground[2] === 'oslReference' ? 'osl' : ground[2] === 'statuteReference' ? 'statute' : 'ground';
      return { path: g ? `${part.right}.${field}.${g.id}` : `${part.right}.grounds`, code: e.code };
    }
    return { path: `${part.right}.${rest.split(/[.[]/)[0] || 'outcome'}`, code: e.code };
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { scope, found, purpose, search } = await decisionScope(request, params.caseId);
  const form = await request.formData();
  await validateCsrf(form, request);
  const intent = String(form.get('intent') ?? '');
  const staffId = scope.staffId;
  const back = (key: string) => redirect(`/personal/arenden/${found.id}?klart=${key}`);
  const open = await openDecision(found.id, purpose);
  const fail = (result: DecisionResult & { ok: false }, extra: Partial<DecisionActionData> = {}) =>
    json<DecisionActionData>({ errors: result.errors ? formErrors(result.errors, extra.parts ?? []) : [{ path: 'decision', code: result.error }], ...extra }, { status: result.error === 'not-found' ? 404 : 400 });

  if (intent === 'return' || intent === 'approve') {
    if (!open) throw new Response('Not Found', { status: 404 });
    if (intent === 'return') {
      const r = await returnProposal({ decisionId: open.id, caseId: found.id, staffId, reason: String(form.get('reason') ?? '') });
      return r.ok ? redirect(`/personal/arenden/${found.id}/beslut${search}`) : fail(r);
    }
    const r = await takeDecision({ decisionId: open.id, caseId: found.id, staffId });
    return r.ok ? back('beslutat') : fail(r);
  }

  // save, propose or decide: the form's content is saved first.
  const lang = (open?.language ?? (await decisionLanguage(found.id))) as 'sv' | 'en';
  const parts = purpose.kind === 'avvisning_sent_overklagande' ? [] : readParts(form, found.rights as Right[], lang);
  const withheld = form.getAll('withheld').map(String);
  const allowedFiles = new Set((await decisionFiles(found.id)).map((f) => f.id));
  const saved = await saveDecisionDraft({ caseId: found.id, staffId, purpose, parts, withheldFileIds: withheld.filter((id) => allowedFiles.has(id)), rights: found.rights as Right[] });
  if (!saved.ok) return fail(saved, { parts, withheld });
  if (intent === 'propose') {
    const r = await proposeDecision({ decisionId: saved.id, caseId: found.id, staffId });
    return r.ok ? back('foreslaget') : fail(r);
  }
  if (intent === 'decide') {
    const r = await takeDecision({ decisionId: saved.id, caseId: found.id, staffId });
    return r.ok ? back('beslutat') : fail(r, { parts, withheld });
  }
  return redirect(`/personal/arenden/${found.id}/beslut${search}${search ? '&' : '?'}sparat=1`);
}

export default function DecisionPage() {
  const { t } = useTranslation(['office', 'request']);
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = (result?.errors ?? []).map((e) => ({ fieldId: fieldIdOf(e.path), message: t([`office:decision.errors.${e.code}`, 'office:decision.errors.invalid']) }));
  return (
    <>
      <BackLink to={`/personal/arenden/${data.case.id}`}>{t('office:decision.back')}</BackLink>
      {errors.length ? <ErrorSummary errors={errors} /> : null}
      <span className="caption-l">
        {data.case.diarienummer}, {data.case.puaName}
      </span>
      <h1 className="heading-l">{t(`office:decision.title.${data.purpose}`)}</h1>
      {data.decision ? (
        <p className="body">
          <a href={`/personal/arenden/${data.case.id}/beslut/forhandsgranska${previewQuery(data.search)}`}>{t('office:decision.preview')}</a>
          <br />
          <span className="hint">{t('office:decision.previewHint')}</span>
        </p>
      ) : null}
      {data.decision?.status === 'proposed' ? (
        <DecisionReview decision={data.decision} mayDecide={data.mayDecide} delegationPoint={data.delegationPoint} files={data.files} />
      ) : (
        <DecisionForm
          purpose={data.purpose}
          rights={data.case.rights}
          grounds={data.grounds}
          parts={result?.parts ?? data.decision?.parts ?? []}
          withheld={result?.withheld ?? data.decision?.withheldFileIds ?? []}
          files={data.files}
          errors={result?.errors ?? []}
          mayDecide={data.mayDecide}
        />
      )}
    </>
  );
}

/** The preview reads the same purpose as this page (`overklagande`, `typ`), nothing else. */
function previewQuery(search: string): string {
  const from = new URLSearchParams(search);
  const keep = new URLSearchParams();
  for (const key of ['overklagande', 'typ']) {
    const value = from.get(key);
    if (value) keep.set(key, value);
  }
  const q = keep.toString();
  return q ? `?${q}` : '';
}

/** An error of the form as the id of the field it belongs to. */
function fieldIdOf(path: string): string {
  return path.replace(/\./g, '-');
}
