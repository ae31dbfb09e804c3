import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './axe';

test('healthz pings the database', async ({ request }) => {
  const res = await request.get('/healthz');
  expect(res.status()).toBe(200);
  expect(await res.text()).toBe('ok');
});

test('security headers: enforced CSP with a per-request nonce, no framing, referrer policy', async ({ request }) => {
  const [a, b] = await Promise.all([request.get('/'), request.get('/')]);
  const csp = a.headers()['content-security-policy'];
  expect(csp).toMatch(/script-src 'strict-dynamic' 'self' 'nonce-[A-Za-z0-9+/=]+'/);
  expect(csp).toContain("frame-ancestors 'none'");
  expect(a.headers()['content-security-policy-report-only']).toBeUndefined();
  expect(csp).not.toBe(b.headers()['content-security-policy']); // a fresh nonce every response
  expect(a.headers()['x-frame-options']).toBe('DENY');
  expect(a.headers()['referrer-policy']).toBe('same-origin');
  expect(a.headers()['x-powered-by']).toBeUndefined();
});

test('the page runs under the CSP without violations', async ({ page }) => {
  const violations: string[] = [];
  page.on('console', (msg) => {
    if (/Content Security Policy/i.test(msg.text())) violations.push(msg.text());
  });
  await page.goto('/');
  await page.waitForLoadState('networkidle');
  // Hydration ran: Remix's client router is present.
  expect(await page.evaluate(() => typeof (window as unknown as { __remixRouter?: unknown }).__remixRouter)).toBe('object');
  expect(violations).toEqual([]);
});

test('a cross-site POST is refused before it reaches any route', async ({ request }) => {
  const res = await request.post('/', { headers: { Origin: 'https://evil.example', 'Sec-Fetch-Site': 'cross-site' }, form: { a: '1' } });
  expect(res.status()).toBe(403);
});

test('an unknown address gives the 404 page in Swedish, and in English on request', async ({ page }) => {
  const res = await page.goto('/finns-inte');
  expect(res?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sidan kunde inte hittas');
  await expect(page).toHaveTitle(/Sidan kunde inte hittas/);
  await expectNoAxeViolations(page);
  await page.goto('/finns-inte?lng=en');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
});
