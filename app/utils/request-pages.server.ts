/**
 * The request journey's pages, once (issue #4; reused for visitors in issue #8): each question
 * page, the attachments page and the check page's data. The resident's routes (/begaran/…) and
 * the reception's (/personal/besokare/:checkId/begaran/…) only find the draft and its owner
 * (request-context.server.ts) and hand it here, so both ask exactly the same questions with the
 * same rules. Each action reads guard → parse → 400 with what was typed → save → next page.
 */
import { json, redirect } from '@remix-run/node';
import { MAX_FILES } from '~/domain/file-types';
import { maskPersonnummer } from '~/domain/personnummer';
import { deliveryOptions, journeySteps, nextStep, parseStep, previousStep, requiredAttachmentPurpose, type Answers } from '~/domain/request-journey';
import { addDraftAttachment, countDraftAttachments, listDraftAttachments, removeDraftAttachment } from '~/models/attachments.server';
import { saveDraftAnswers } from '~/models/draft.server';
import { validateCsrf } from './csrf.server';
import { todayInStockholm } from './dates.server';
import { formToRecord } from './forms.server';
import { i18next } from './i18next.server';
import { chosenPuas, type JourneyContext } from './request-context.server';
import { parseUploadForm } from './uploads.server';

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

/** Whom a visitor's draft is written for, shown above its pages: the official must not mix up two visitors. */
const visitorOf = (ctx: JourneyContext) => (ctx.visitor ? { name: ctx.visitor.name, pnrMasked: maskPersonnummer(ctx.visitor.personnummer) } : null);

function requireStep(ctx: JourneyContext, step: string | undefined): string {
  if (!step || !journeySteps(ctx.draft.answers, ctx.kommunCount).includes(step)) throw new Response('Not Found', { status: 404 });
  return step;
}

/** Where "Tillbaka" goes from the first page: the start page of the resident's or the visitor's request. */
const startOf = (ctx: JourneyContext) => (ctx.visitor ? `/personal/besokare/${ctx.visitor.id}/begaran` : '/begaran');

export async function stepLoader(request: Request, ctx: JourneyContext, stepParam: string | undefined) {
  const step = requireStep(ctx, stepParam);
  const t = await i18next.getFixedT(request, ['request', 'common']);
  const fromCheck = new URL(request.url).searchParams.get('andra') === '1';
  const back = fromCheck ? 'kontrollera' : previousStep(step, ctx.draft.answers, ctx.kommunCount);
  return json({
    title: `${t(`request:${titleKey(step, ctx.draft.answers)}`)} – ${t('common:service.name')}`,
    step,
    base: ctx.base,
    answers: ctx.draft.answers,
    back: back ? `${ctx.base}/${back}` : startOf(ctx),
    fromCheck,
    visitor: visitorOf(ctx),
    kommuner: ctx.overview.kommuner.map((k) => ({ id: k.id, name: k.name })),
    puas: (ctx.kommun?.pua ?? []).map((p) => ({ id: p.id, name: p.name, description: p.description })),
  });
}

export async function stepAction(request: Request, ctx: JourneyContext, stepParam: string | undefined) {
  const step = requireStep(ctx, stepParam);
  const form = await request.formData();
  await validateCsrf(form, request);
  const record = formToRecord(form);
  const result = parseStep(step, record, {
    today: todayInStockholm(),
    kommunIds: ctx.overview.kommuner.map((k) => k.id),
    puaIds: (ctx.kommun?.pua ?? []).map((p) => p.id),
    // Only the person step compares with the filer's own number; don't decrypt it for the others.
    filerPnr: step === 'person' ? await ctx.filerPersonnummer() : '',
  });
  if (!result.ok) return json({ errors: result.errors, values: result.values }, { status: 400 });
  // A delivery chosen before that the new answers no longer allow is dropped here, so the journey
  // asks again instead of failing on the check page. (Today every answer allows all three: with
  // skyddade personuppgifter post goes via Skatteverket's förmedling, DOMAIN.md §9.)
  const after = { ...ctx.draft.answers, ...result.patch };
  const patch = ctx.draft.answers.delivery && !deliveryOptions(after).includes(ctx.draft.answers.delivery) ? { ...result.patch, delivery: undefined } : result.patch;
  const saved = await saveDraftAnswers(ctx.draft.id, ctx.owner, patch);
  if (!saved) throw new Response('Not Found', { status: 404 });
  // From the check page, go back there unless the change opened new questions (e.g. a new right).
  const next = nextStep(step, saved, ctx.kommunCount);
  const returnToCheck = record.fromCheck === '1' && !step.startsWith('for-vem') && step !== 'rattigheter';
  return redirect(`${ctx.base}/${returnToCheck ? 'kontrollera' : next}`);
}

export async function attachmentsLoader(request: Request, ctx: JourneyContext) {
  const t = await i18next.getFixedT(request, ['request', 'common']);
  const files = await listDraftAttachments(ctx.draft.id, ctx.owner);
  return json({
    title: `${t('request:steps.bilagor.title')} – ${t('common:service.name')}`,
    back: `${ctx.base}/${previousStep('bilagor', ctx.draft.answers, ctx.kommunCount)}`,
    visitor: visitorOf(ctx),
    required: requiredAttachmentPurpose(ctx.draft.answers),
    files: files.map((f) => ({ id: f.id, filename: f.filename, size: f.size })),
  });
}

export type AttachmentErrors = { errors: { fieldId: string; key: string; filename?: string }[] };

/** Upload, remove or continue. The CSRF token is checked before any file is stored. */
export async function attachmentsAction(request: Request, ctx: JourneyContext) {
  const room = MAX_FILES - (await countDraftAttachments(ctx.draft.id));
  const { formData, files, errors } = await parseUploadForm(request, { fieldName: 'files', maxFiles: Math.max(room, 0) });
  await validateCsrf(formData, request);
  const intent = formData.get('intent');
  if (intent === 'remove') {
    await removeDraftAttachment(String(formData.get('attachmentId') ?? ''), ctx.draft.id, ctx.owner);
    return redirect(`${ctx.base}/bilagor`);
  }
  const required = requiredAttachmentPurpose(ctx.draft.answers);
  // "Fortsätt" with files still chosen uploads them too, so nothing the person picked is lost.
  if (intent === 'upload' || files.length || errors.length) {
    const problems: AttachmentErrors['errors'] = errors.map((e) => ({ fieldId: 'files', key: e.code, filename: e.filename }));
    if (intent === 'upload' && !files.length && !problems.length) problems.push({ fieldId: 'files', key: 'noFile' });
    const existing = await listDraftAttachments(ctx.draft.id, ctx.owner);
    for (const file of files) {
      // The first file of a representative is taken as the required proof (fullmakt/förordnande).
      const purpose = required && !existing.some((f) => f.purpose === required) ? required : 'evidence';
      const added = await addDraftAttachment({ draftId: ctx.draft.id, owner: ctx.owner, purpose, file });
      if (!added.ok) problems.push({ fieldId: 'files', key: added.error === 'draft-not-found' ? 'noFile' : added.error, filename: file.filename });
      else existing.push(added.attachment);
    }
    if (problems.length) return json<AttachmentErrors>({ errors: problems }, { status: 400 });
    if (intent === 'upload') return redirect(`${ctx.base}/bilagor`);
  }
  if (required && !(await listDraftAttachments(ctx.draft.id, ctx.owner)).some((f) => f.purpose === required)) {
    return json<AttachmentErrors>({ errors: [{ fieldId: 'files', key: `required.${required}` }] }, { status: 400 });
  }
  return redirect(`${ctx.base}/kontrollera`);
}

/** What "Kontrollera svaren" shows, for either owner; the caller adds how the request is sent. */
export async function checkAnswersData(ctx: JourneyContext) {
  const a = ctx.draft.answers;
  return {
    base: ctx.base,
    answers: a,
    back: `${ctx.base}/${previousStep('kontrollera', a, ctx.kommunCount)}`,
    visitor: visitorOf(ctx),
    kommunName: ctx.kommun?.name ?? null,
    showKommun: ctx.kommunCount > 1,
    puaNames: chosenPuas(a, ctx.kommun).map((p) => p.name),
    subjectMasked: a.subject ? maskPersonnummer(a.subject.personnummer) : null,
    attachments: (await listDraftAttachments(ctx.draft.id, ctx.owner)).map((f) => f.filename),
  };
}
