import { Form } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { CsrfInput } from '~/components/csrf-input';
import { Button } from '~/components/ui/button';
import { InsetText } from '~/components/ui/inset-text';
import { SummaryList } from '~/components/ui/summary-list';
import { Textarea } from '~/components/ui/textarea';
import type { DecisionPart } from '~/domain/decision-types';

type Props = {
  decision: { type: string; parts: DecisionPart[]; withheldFileIds: string[]; proposedByMe: boolean };
  mayDecide: boolean;
  delegationPoint: string | null;
  files: { id: string; filename: string }[];
};

/** A proposed decision as the delegate sees it: approve it (four-eyes) or send it back with a reason. */
export function DecisionReview({ decision, mayDecide, delegationPoint, files }: Props) {
  const { t } = useTranslation(['office', 'request']);
  return (
    <>
      <InsetText>{decision.proposedByMe ? t('office:decision.proposedByMe') : t('office:decision.proposedIntro')}</InsetText>
      <SummaryList rows={[{ key: t('office:decision.typeLabel'), value: t(`office:decision.type.${decision.type}`) }]} />
      {decision.parts.map((p) => (
        <section key={p.right} aria-labelledby={`review-${p.right}`}>
          <h2 className="heading-m" id={`review-${p.right}`}>
            {t(`request:rights.${p.right}.name`)}: {t(`office:decision.outcome.${p.outcome}`)}
          </h2>
          {p.grounds.map((g) => (
            <p key={g.id} className="body text-block">
              {g.text}
              {g.oslReference ? ` (OSL ${g.oslReference})` : ''}
              {g.statuteReference ? ` (${g.statuteReference})` : ''}
            </p>
          ))}
          {p.motivering ? <p className="body text-block">{p.motivering}</p> : null}
        </section>
      ))}
      {decision.withheldFileIds.length ? (
        <p className="body">
          {t('office:decision.withheldLegend')}: {files.filter((f) => decision.withheldFileIds.includes(f.id)).map((f) => f.filename).join(', ')}
        </p>
      ) : null}
      {mayDecide ? (
        <Form method="post">
          <CsrfInput />
          <p className="body">{t('office:decision.approveText', { point: delegationPoint })}</p>
          <Button name="intent" value="approve">
            {t('office:decision.approve')}
          </Button>
        </Form>
      ) : (
        <p className="body">{decision.proposedByMe ? t('office:decision.waitingForDelegate') : t('office:decision.noDelegation')}</p>
      )}
      {!decision.proposedByMe ? (
        <Form method="post">
          <CsrfInput />
          <Textarea id="reason" name="reason" label={t('office:decision.returnReason')} labelSize="s" rows={3} />
          <Button name="intent" value="return" variant="secondary">
            {t('office:decision.return')}
          </Button>
        </Form>
      ) : null}
    </>
  );
}
