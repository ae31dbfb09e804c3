import { Form } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { CsrfInput } from '~/components/csrf-input';
import { Button, ButtonGroup } from '~/components/ui/button';
import { Checkboxes } from '~/components/ui/checkboxes';
import { Radios } from '~/components/ui/radios';
import { Textarea } from '~/components/ui/textarea';
import { TextInput } from '~/components/ui/text-input';
import { RIGHT_OUTCOMES, type DecisionPart } from '~/domain/decision-types';

export type GroundOption = { id: string; title: string; provisions: string; needsOslReference: boolean; needsStatuteReference: boolean; requiresJustification: boolean };

type Props = {
  purpose: 'request' | 'omprovning' | 'avvisning_sent_overklagande';
  rights: string[];
  grounds: Record<string, GroundOption[]>;
  parts: DecisionPart[];
  withheld: string[];
  files: { id: string; filename: string }[];
  errors: { path: string; code: string }[];
  /** The staff member holds a delegation point in this PUA (the type is checked when deciding). */
  mayDecide: boolean;
};

/**
 * The decision per requested right (issue #6). Without JavaScript the person ticks grounds and
 * saves; the page comes back with each chosen ground's ready text to edit.
 */
export function DecisionForm({ purpose, rights, grounds, parts, withheld, files, errors, mayDecide }: Props) {
  const { t } = useTranslation(['office', 'request']);
  const errorFor = (right: string, field: string) => {
    const e = errors.find((x) => x.path === `${right}.${field}`);
    return e ? t([`office:decision.errors.${e.code}`, 'office:decision.errors.invalid']) : undefined;
  };
  return (
    <Form method="post">
      <CsrfInput />
      {purpose === 'avvisning_sent_overklagande' ? (
        <p className="body">{t('office:decision.avvisningText')}</p>
      ) : (
        rights.map((right) => {
          const part = parts.find((p) => p.right === right);
          const chosen = part?.grounds ?? [];
          return (
            <section key={right} className="decision-part" aria-labelledby={`part-${right}`}>
              <h2 className="heading-m" id={`part-${right}`}>
                {t(`request:rights.${right}.name`)}
              </h2>
              <Radios
                id={`${right}-outcome`}
                name={`outcome.${right}`}
                legend={t('office:decision.outcomeLegend')}
                legendSize="s"
                error={errorFor(right, 'outcome')}
                defaultValue={part?.outcome}
                items={RIGHT_OUTCOMES.map((o) => ({ value: o, label: t(`office:decision.outcome.${o}`) }))}
              />
              <Checkboxes
                id={`${right}-grounds`}
                name={`grounds.${right}`}
                legend={t('office:decision.groundsLegend')}
                legendSize="s"
                hint={t('office:decision.groundsHint')}
                error={errorFor(right, 'grounds')}
                optional
                defaultValues={chosen.map((g) => g.id)}
                items={(grounds[right] ?? []).map((g) => ({ value: g.id, label: g.title, hint: g.provisions }))}
              />
              {chosen.map((g) => {
                const option = grounds[right]?.find((o) => o.id === g.id);
                return (
                  <div key={g.id} className="decision-ground">
                    <Textarea
                      id={`${right}-ground-${g.id}`}
                      name={`groundText.${right}.${g.id}`}
                      label={t('office:decision.groundText', { ground: option?.title ?? g.id })}
                      labelSize="s"
                      hint={option?.requiresJustification ? t('office:decision.justificationHint') : t('office:decision.groundTextHint')}
                      error={errorFor(right, `ground.${g.id}`)}
                      defaultValue={g.text}
                      rows={6}
                    />
                    {option?.needsOslReference ? (
                      <TextInput id={`${right}-osl-${g.id}`} name={`osl.${right}.${g.id}`} label={t('office:decision.oslReference')} labelSize="s" hint={t('office:decision.oslHint')} error={errorFor(right, `osl.${g.id}`)} defaultValue={g.oslReference} width={10} />
                    ) : null}
                    {option?.needsStatuteReference ? (
                      <TextInput id={`${right}-statute-${g.id}`} name={`statute.${right}.${g.id}`} label={t('office:decision.statuteReference')} labelSize="s" hint={t('office:decision.statuteHint')} error={errorFor(right, `statute.${g.id}`)} defaultValue={g.statuteReference} />
                    ) : null}
                  </div>
                );
              })}
              <Textarea id={`${right}-motivering`} name={`motivering.${right}`} label={t('office:decision.motivering')} labelSize="s" hint={t('office:decision.motiveringHint')} error={errorFor(right, 'motivering')} defaultValue={part?.motivering} rows={5} />
            </section>
          );
        })
      )}
      {files.length && purpose !== 'avvisning_sent_overklagande' ? (
        <Checkboxes
          id="withheld"
          name="withheld"
          legend={t('office:decision.withheldLegend')}
          legendSize="s"
          hint={t('office:decision.withheldHint')}
          optional
          defaultValues={withheld}
          items={files.map((f) => ({ value: f.id, label: f.filename }))}
        />
      ) : null}
      <ButtonGroup>
        {mayDecide ? (
          <Button name="intent" value="decide">
            {t('office:decision.decide')}
          </Button>
        ) : null}
        <Button name="intent" value="propose" variant={mayDecide ? 'secondary' : undefined}>
          {t('office:decision.propose')}
        </Button>
        <Button name="intent" value="save" variant="secondary">
          {t('office:decision.save')}
        </Button>
      </ButtonGroup>
    </Form>
  );
}
