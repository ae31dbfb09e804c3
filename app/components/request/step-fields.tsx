import { SwedishText } from '~/components/swedish-text';
import { useTranslation } from 'react-i18next';
import { Checkboxes } from '~/components/ui/checkboxes';
import { Radios } from '~/components/ui/radios';
import { TextInput } from '~/components/ui/text-input';
import { Textarea } from '~/components/ui/textarea';
import { deliveryOptions, RELATIONS, rightOfStep, type Answers } from '~/domain/request-journey';
import { RIGHTS } from '~/domain/requests';
import { DETAIL_FIELDS } from './detail-fields';
import { errorMessage, subjectContext } from './texts';

export type StepData = {
  step: string;
  answers: Answers;
  kommuner: { id: string; name: string }[];
  puas: { id: string; name: string; description: string }[];
};

type Props = StepData & { errors: Record<string, string>; values: Record<string, string | string[]> | null };

/** The question(s) of one step. Field names match `parseStep` in app/domain/request-journey.ts. */
export function StepFields({ step, answers, kommuner, puas, errors, values }: Props) {
  const { t } = useTranslation('request');
  // Texts about the person the request is about follow the relation (texts.ts): "om barnet".
  const context = subjectContext(answers.relation);
  const tc = (key: string) => t(key, { context });
  const err = (name: string) => (errors[name] ? errorMessage(t, step, name, errors[name], answers.relation) : undefined);
  const val = (name: string, stored?: string) => {
    const v = values?.[name];
    return typeof v === 'string' ? v : Array.isArray(v) ? v[0] : stored;
  };
  const vals = (name: string, stored?: string[]) => {
    const v = values?.[name];
    return values ? (Array.isArray(v) ? v : typeof v === 'string' ? [v] : []) : stored ?? [];
  };

  switch (step) {
    case 'kommun':
      return <Radios id="kommunId" name="kommunId" isPageHeading legend={t('steps.kommun.title')} hint={t('steps.kommun.hint')} error={err('kommunId')} defaultValue={val('kommunId', answers.kommunId)} items={kommuner.map((k) => ({ value: k.id, label: k.name }))} />;
    case 'rattigheter':
      return (
        <Checkboxes
          id="rights"
          name="rights"
          isPageHeading
          legend={t('steps.rattigheter.title')}
          hint={t('steps.rattigheter.hint')}
          error={err('rights')}
          defaultValues={vals('rights', answers.rights)}
          items={RIGHTS.map((r) => ({ value: r, label: tc(`rights.${r}.label`), hint: t(`rights.${r}.hint`) }))}
        />
      );
    case 'for-vem':
      return (
        <Radios
          id="relation"
          name="relation"
          isPageHeading
          legend={t('steps.forVem.title')}
          error={err('relation')}
          defaultValue={val('relation', answers.relation)}
          items={RELATIONS.map((r) => ({ value: r, label: t(`steps.forVem.${r}`), hint: r === 'self' ? undefined : t(`steps.forVem.${r}Hint`) }))}
        />
      );
    case 'person': {
      const relation = answers.relation ?? 'child';
      return (
        <>
          <h1 className="heading-l">{t(`steps.person.title.${relation}`)}</h1>
          <input type="hidden" name="relation" value={relation} />
          <TextInput id="name" name="name" label={t('steps.person.name')} error={err('name')} defaultValue={val('name', answers.subject?.name)} autoComplete="off" spellCheck={false} />
          <TextInput id="personnummer" name="personnummer" label={t('steps.person.personnummer')} hint={t('steps.person.personnummerHint')} error={err('personnummer')} defaultValue={val('personnummer', answers.subject?.personnummer)} inputMode="numeric" autoComplete="off" width={20} />
          {relation === 'child' ? (
            <Radios
              id="custody"
              name="custody"
              legend={t('steps.person.custody')}
              legendSize="m"
              error={err('custody')}
              defaultValue={val('custody', answers.custody)}
              items={[
                { value: 'sole', label: t('steps.person.sole') },
                { value: 'joint', label: t('steps.person.joint'), hint: t('steps.person.jointHint') },
              ]}
            />
          ) : null}
        </>
      );
    }
    case 'namnd':
      return (
        <>
          <Checkboxes
            id="puaIds"
            name="puaIds"
            isPageHeading
            legend={t('steps.namnd.title')}
            hint={tc('steps.namnd.hint')}
            error={err('puaIds')}
            defaultValues={vals('puaIds', answers.puaIds)}
            items={puas.map((p) => ({ value: p.id, label: p.name, hint: <SwedishText>{p.description}</SwedishText> }))}
          />
          <p className="body">{t('steps.namnd.or')}</p>
          <Checkboxes id="allPuas" name="allPuas" legend={<span className="visually-hidden">{t('steps.namnd.all')}</span>} defaultValues={values ? vals('allPuas') : answers.allPuas ? ['yes'] : []} items={[{ value: 'yes', label: t('steps.namnd.all'), hint: t('steps.namnd.allHint') }]} />
        </>
      );
    case 'kontakt':
      return (
        <>
          <h1 className="heading-l">{t('steps.kontakt.title')}</h1>
          <p className="hint">{t('steps.kontakt.hint')}</p>
          <TextInput id="email" name="email" type="email" label={t('steps.kontakt.email')} optional error={err('email')} defaultValue={val('email', answers.email)} autoComplete="email" spellCheck={false} />
          <TextInput id="phone" name="phone" type="tel" label={t('steps.kontakt.phone')} optional error={err('phone')} defaultValue={val('phone', answers.phone)} autoComplete="tel" width={20} />
          <Checkboxes
            id="protectedIdentity"
            name="protectedIdentity"
            legend={tc('steps.kontakt.protectedLegend')}
            legendSize="m"
            hint={t('steps.kontakt.protectedHint')}
            defaultValues={values ? vals('protectedIdentity') : answers.protectedIdentity ? ['yes'] : []}
            items={[{ value: 'yes', label: tc('steps.kontakt.protectedYes') }]}
          />
        </>
      );
    case 'leverans':
      return (
        <Radios
          id="delivery"
          name="delivery"
          isPageHeading
          legend={t('steps.leverans.title')}
          error={err('delivery')}
          defaultValue={val('delivery', answers.delivery)}
          items={deliveryOptions(answers).map((d) => ({ value: d, label: t(`steps.leverans.${d}`), hint: t(d === 'registered_post' && answers.protectedIdentity ? 'steps.leverans.registered_postProtectedHint' : `steps.leverans.${d}Hint`) }))}
        />
      );
    default: {
      const right = rightOfStep(step);
      if (!right) return null;
      const stored = answers.details?.[right] ?? {};
      const base = `steps.details.${right}`;
      return (
        <>
          <h1 className="heading-l">{tc(`${base}.title`)}</h1>
          {right === 'registerutdrag' ? <p className="hint">{tc(`${base}.hint`)}</p> : null}
          {right === 'radering' ? <p className="body">{tc(`${base}.note`)}</p> : null}
          {DETAIL_FIELDS[right].map((f) =>
            f.kind === 'radios' ? (
              <Radios key={f.name} id={f.name} name={f.name} legend={tc(`${base}.${f.name}`)} legendSize="m" error={err(f.name)} defaultValue={val(f.name, stored[f.name])} items={f.options.map((o) => ({ value: o, label: tc(`${base}.${f.optionsKey}.${o}`) }))} />
            ) : f.kind === 'text' ? (
              <TextInput key={f.name} id={f.name} name={f.name} label={tc(`${base}.${f.name}`)} labelSize="m" optional={f.optional} hint={f.hint ? tc(`${base}.${f.name}Hint`) : undefined} error={err(f.name)} defaultValue={val(f.name, stored[f.name])} />
            ) : (
              <Textarea key={f.name} id={f.name} name={f.name} label={tc(`${base}.${f.name}`)} labelSize="m" optional={f.optional} hint={f.hint ? tc(`${base}.${f.name}Hint`) : undefined} error={err(f.name)} defaultValue={val(f.name, stored[f.name])} rows={4} />
            ),
          )}
        </>
      );
    }
  }
}
