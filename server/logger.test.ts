import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger, maskPersonnummerLike } from './logger';

describe('logs never carry a personnummer', () => {
  it.each([
    ['login 198112289874 ok', 'login 19811228-**** ok'],
    ['pnr 19811228-9874', 'pnr 19811228-****'],
    ['pnr 811228-9874', 'pnr 811228-****'],
    ['order 3f2a no number', 'order 3f2a no number'],
  ])('%s → %s', (input, expected) => expect(maskPersonnummerLike(input)).toBe(expected));

  it('masks messages and redacts personal fields and cookies', () => {
    const lines: string[] = [];
    const log = createLogger('info', new Writable({ write: (chunk, _enc, done) => (lines.push(String(chunk)), done()) }));
    log.info({ user: { personnummer: '198112289874', name: 'Anna Andersson' }, req: { headers: { cookie: 'dsp_session=abc' } } }, 'identified 198112289874');
    const out = lines.join('');
    expect(out).toContain('identified 19811228-****');
    expect(out).not.toMatch(/198112289874|Anna Andersson|dsp_session=abc/);
  });
});
