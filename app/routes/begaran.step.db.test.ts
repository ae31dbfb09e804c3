/** The request journey's step action, through the route module (issue #4, DOMAIN.md §9). */
import { describe, expect, it } from 'vitest';
import { createDraft, getDraft } from '~/models/draft.server';
import { getCsrfToken } from '~/utils/csrf.server';
import { startSession } from '~/utils/session.server';
import { useTestDatabase } from '../../tests/db';
import { addResident, demoKommun } from '../../tests/cases';
import { action } from './begaran.$draftId.$step';

const t = useTestDatabase();

describe('the contact step', () => {
  it('keeps a chosen registered letter when the person says they have skyddade personuppgifter: it goes via Skatteverket (DOMAIN.md §9)', async () => {
    const { sjobacka } = await demoKommun(t.handle);
    const anna = await addResident(t.handle, '198001019804', 'Anna Andersson');
    const draftId = await createDraft(anna.id, { kommunId: sjobacka.id, rights: ['registerutdrag'], relation: 'self', puaIds: [sjobacka.pua[0]!.id], delivery: 'registered_post' });
    const session = (await startSession(new Request('http://localhost/'), { kind: 'resident', residentId: anna.id })).split(';')[0]!;
    const csrf = await getCsrfToken(new Request('http://localhost/'));
    const request = new Request(`http://localhost/begaran/${draftId}/kontakt`, {
      method: 'POST',
      headers: { Cookie: `${session}; ${csrf.setCookie!.split(';')[0]}`, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ csrf: csrf.token, protectedIdentity: 'yes' }),
    });
    const res = (await action({ request, params: { draftId, step: 'kontakt' }, context: { cspNonce: 'x', clientIp: '127.0.0.1' } })) as Response;
    expect(res.status).toBe(302);
    const saved = await getDraft(draftId, { residentId: anna.id });
    expect(saved!.answers).toMatchObject({ protectedIdentity: true, delivery: 'registered_post' });
  });
});
