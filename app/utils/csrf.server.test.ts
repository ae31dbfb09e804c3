import { describe, expect, it } from 'vitest';
import { CSRF_FIELD, getCsrfToken, validateCsrf } from './csrf.server';

async function formWith(token: string | null) {
  const fd = new FormData();
  if (token !== null) fd.set(CSRF_FIELD, token);
  return fd;
}

describe('CSRF double submit', () => {
  it('accepts the token that matches the signed cookie', async () => {
    const { token, setCookie } = await getCsrfToken(new Request('http://localhost/'));
    const cookie = setCookie!.split(';')[0]!;
    await expect(validateCsrf(await formWith(token), new Request('http://localhost/', { headers: { Cookie: cookie } }))).resolves.toBeUndefined();
    // The same cookie is reused, not replaced, on later requests.
    expect((await getCsrfToken(new Request('http://localhost/', { headers: { Cookie: cookie } }))).setCookie).toBeNull();
  });

  it.each([
    ['missing field', null],
    ['wrong token', 'x'.repeat(43)],
  ])('refuses with 403: %s', async (_name, token) => {
    const { setCookie } = await getCsrfToken(new Request('http://localhost/'));
    const req = new Request('http://localhost/', { headers: { Cookie: setCookie!.split(';')[0]! } });
    await expect(validateCsrf(await formWith(token), req)).rejects.toMatchObject({ status: 403 });
  });

  it('refuses when there is no cookie', async () => {
    const { token } = await getCsrfToken(new Request('http://localhost/'));
    await expect(validateCsrf(await formWith(token), new Request('http://localhost/'))).rejects.toMatchObject({ status: 403 });
  });
});
