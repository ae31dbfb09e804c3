/** Helpers shared by the request journeys (request.spec.ts, rights.spec.ts). */
import { expect, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './axe';
import { sim } from './bankid';

/** Folder for full-page screenshots of every step; unset, none are taken. */
export const SHOTS = process.env.E2E_SCREENSHOTS;

/** `shooter('request')(page, 'start')`: axe, then `$E2E_SCREENSHOTS/request-start.png` when screenshots are on. */
export function shooter(prefix: string) {
  return async function shot(page: Page, name: string) {
    await expectNoAxeViolations(page);
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/${prefix}-${name}.png`, fullPage: true });
  };
}

/** "Fortsätt" (or the button named `label`), then wait for the next page (or, on an error, for the error summary). */
export async function continueOn(page: Page, label = 'Fortsätt') {
  const before = page.url();
  await page.getByRole('button', { name: label }).click();
  await expect(async () => {
    const moved = page.url() !== before;
    const error = await page.getByRole('alert').isVisible();
    expect(moved || error).toBe(true);
  }).toPass();
  await page.waitForLoadState('networkidle');
}

export type SimOrder = { orderRef: string; type: string; status: string; personalNumber?: string; userVisibleData: string };

/** Approves the pending sign order of this person in the simulated app. */
export async function approveSigning(personalNumber: string) {
  await expect
    .poll(async () => ((await sim('/__sim/orders')).json as SimOrder[]).some((o) => o.type === 'sign' && o.status === 'pending'))
    .toBe(true);
  const orders = (await sim('/__sim/orders')).json as SimOrder[];
  const order = orders.find((o) => o.type === 'sign' && o.status === 'pending')!;
  expect((await sim(`/__sim/orders/${order.orderRef}/approve`, { personalNumber })).status).toBe(200);
  return order;
}
