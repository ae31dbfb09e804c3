import { Form } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { CsrfInput } from '~/components/csrf-input';
import { Button } from '~/components/ui/button';
import { FileUpload } from '~/components/ui/file-upload';
import { Radios } from '~/components/ui/radios';
import { Select } from '~/components/ui/select';
import { Textarea } from '~/components/ui/textarea';
import type { CaseAccess } from '~/domain/case-access';
import { canWithdraw, isOpen, nextStatus, type CaseStatus } from '~/domain/case-status';

type Props = {
  access: CaseAccess;
  status: string;
  /** Already extended: Art 12(3) allows one extension. */
  extended: boolean;
  assigneeId: string | null;
  staff: { id: string; name: string }[];
  /** Who can be given a task: the PUA's system owners, handläggare and samordnare. */
  recipients: { id: string; name: string; role: string }[];
  /** The kommun's other PUAs, for re-routing. */
  targets: { id: string; name: string }[];
  errors: Record<string, string>;
  values: Record<string, string>;
};

/** The actions this staff member may take now; each a small form of its own (works without JavaScript). */
export function CaseActions({ access, status, extended, assigneeId, staff, recipients, targets, errors, values }: Props) {
  const { t } = useTranslation('office');
  const s = status as CaseStatus;
  const err = (key: string) => (errors[key] ? t(`errors.${errors[key]}`) : undefined);
  const staffOptions = staff.map((p) => ({ value: p.id, label: p.name }));
  return (
    <>
      {access.claim ? (
        <section className="action-section">
          <h2 className="heading-m">{t('actions.claim.title')}</h2>
          <p className="body">{t('actions.claim.text')}</p>
          <Form method="post">
            <CsrfInput />
            <Button name="intent" value="claim">
              {t('actions.claim.button')}
            </Button>
          </Form>
        </section>
      ) : null}
      {access.register && nextStatus(s, 'register') ? (
        <section className="action-section">
          <h2 className="heading-m">{t('actions.register.title')}</h2>
          <Form method="post">
            <CsrfInput />
            {access.assign ? <Select id="register-assignee" name="assigneeId" label={t('actions.register.assignee')} labelSize="s" options={[{ value: '', label: t('actions.register.later') }, ...staffOptions]} /> : null}
            <Button name="intent" value="register">
              {t('actions.register.button')}
            </Button>
          </Form>
        </section>
      ) : null}
      {access.register && nextStatus(s, 'reroute') && targets.length ? (
        <section className="action-section">
          <h2 className="heading-m">{t('actions.reroute.title')}</h2>
          <p className="body">{t('actions.reroute.text')}</p>
          <Form method="post">
            <CsrfInput />
            <Select id="targetPuaId" name="targetPuaId" label={t('actions.reroute.label')} labelSize="s" error={err('targetPuaId')} options={targets.map((p) => ({ value: p.id, label: p.name }))} />
            <Button name="intent" value="reroute" variant="secondary">
              {t('actions.reroute.button')}
            </Button>
          </Form>
        </section>
      ) : null}
      {access.assign && isOpen(s) && s !== 'received' ? (
        <section className="action-section">
          <h2 className="heading-m">{t('actions.assign.title')}</h2>
          <Form method="post">
            <CsrfInput />
            <Select id="assigneeId" name="assigneeId" label={t('actions.assign.label')} labelSize="s" defaultValue={assigneeId ?? ''} options={staffOptions} error={err('assigneeId')} />
            <Button name="intent" value="assign" variant="secondary">
              {t('actions.assign.button')}
            </Button>
          </Form>
        </section>
      ) : null}
      {access.handle && isOpen(s) ? (
        <>
          <section className="action-section">
            <h2 className="heading-m">{t('actions.task.title')}</h2>
            <p className="body">{t('actions.task.text')}</p>
            <Form method="post">
              <CsrfInput />
              <Select
                id="taskAssigneeId"
                name="taskAssigneeId"
                label={t('actions.task.assignee')}
                labelSize="s"
                defaultValue={values.taskAssigneeId}
                error={err('taskAssigneeId')}
                options={recipients.map((r) => ({ value: r.id, label: `${r.name} (${t(`roles.${r.role}`)})` }))}
              />
              <Textarea id="instructions" name="instructions" label={t('actions.task.instructions')} labelSize="s" hint={t('actions.task.instructionsHint')} defaultValue={values.instructions} error={err('instructions')} rows={3} />
              <Button name="intent" value="task" variant="secondary">
                {t('actions.task.button')}
              </Button>
            </Form>
          </section>
          <section className="action-section">
            <h2 className="heading-m">{t('actions.message.title')}</h2>
            <Form method="post" encType="multipart/form-data">
              <CsrfInput />
              <Radios
                id="kind"
                name="kind"
                legend={t('actions.message.kind')}
                legendSize="s"
                defaultValue={values.kind ?? 'message'}
                items={['message', 'clarification_request', 'identity_request'].map((k) => ({ value: k, label: t(`actions.message.kinds.${k}`), hint: t(`actions.message.hints.${k}`) }))}
              />
              <Textarea id="body" name="body" label={t('actions.message.body')} labelSize="s" hint={t('actions.message.bodyHint')} defaultValue={values.body} error={err('body')} />
              <FileUpload label={t('actions.message.files')} optional error={err('files')} />
              <Button name="intent" value="message">
                {t('actions.message.button')}
              </Button>
            </Form>
          </section>
          {extended ? null : (
          <section className="action-section">
            <h2 className="heading-m">{t('actions.extend.title')}</h2>
            <p className="body">{t('actions.extend.text')}</p>
            <Form method="post">
              <CsrfInput />
              <Textarea id="reason" name="reason" label={t('actions.extend.reason')} labelSize="s" hint={t('actions.extend.reasonHint')} defaultValue={values.reason} error={err('reason')} rows={3} />
              <Button name="intent" value="extend" variant="secondary">
                {t('actions.extend.button')}
              </Button>
            </Form>
          </section>
          )}
          <section className="action-section">
            <h2 className="heading-m">{t('actions.note.title')}</h2>
            <Form method="post">
              <CsrfInput />
              <Textarea id="note" name="note" label={t('actions.note.label')} labelSize="s" hint={t('actions.note.hint')} defaultValue={values.note} error={err('note')} rows={3} />
              <Button name="intent" value="note" variant="secondary">
                {t('actions.note.button')}
              </Button>
            </Form>
          </section>
          {nextStatus(s, 'close') || canWithdraw(s) ? (
            <section className="action-section">
              <h2 className="heading-m">{t('actions.close.title')}</h2>
              <Form method="post">
                <CsrfInput />
                <Radios
                  id="outcome"
                  name="outcome"
                  legend={t('actions.close.legend')}
                  legendSize="s"
                  error={err('outcome')}
                  items={[...(nextStatus(s, 'close') ? ['granted'] : []), 'withdrawn'].map((o) => ({ value: o, label: t(`actions.close.outcomes.${o}`) }))}
                />
                <Button name="intent" value="close" variant="warning">
                  {t('actions.close.button')}
                </Button>
              </Form>
            </section>
          ) : null}
        </>
      ) : null}
    </>
  );
}
