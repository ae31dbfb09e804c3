/** Acting as the person with the BankID app: the simulator's control API and a QR "camera". */
import { expect, type Locator, type Page } from '@playwright/test';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';

const PORT = Number(process.env.E2E_PORT ?? 3100);
export const SIM = `http://127.0.0.1:${PORT + 2}`;

export async function sim(path: string, body?: unknown) {
  const res = await fetch(`${SIM}${path}`, body === undefined ? {} : { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  const text = await res.text();
  return { status: res.status, json: text ? (JSON.parse(text) as unknown) : null };
}

/** Reads the QR code off the screen the way a phone camera would. */
export async function scanQr(qr: Locator): Promise<string> {
  const png = PNG.sync.read(await qr.screenshot());
  const code = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
  if (!code) throw new Error('no QR code found in the image');
  return code.data;
}

/** Logs in through "Mobilt BankID på en annan enhet": scan the QR, then approve in the app. */
export async function loginWithQr(page: Page, entry: '/logga-in' | '/personal/logga-in', personalNumber: string) {
  await page.goto(entry);
  await page.getByRole('button', { name: 'Mobilt BankID på en annan enhet' }).click();
  const qr = page.getByRole('img', { name: /QR-kod/ });
  await expect(qr).toBeVisible();
  const qrData = await scanQr(qr);
  expect(qrData).toMatch(/^bankid\.[0-9a-f-]{36}\.\d+\.[0-9a-f]{64}$/);
  const scanned = await sim('/__sim/scan', { qrData, personalNumber });
  expect(scanned.status, JSON.stringify(scanned.json)).toBe(200);
  await expect(page.getByRole('status')).toHaveText('Skriv in din säkerhetskod i BankID-appen och välj Identifiera eller Skriv under.');
  const orders = (await sim('/__sim/orders')).json as { orderRef: string; personalNumber?: string; status: string }[];
  const order = orders.find((o) => o.personalNumber === personalNumber && o.status === 'pending');
  expect(order).toBeTruthy();
  expect((await sim(`/__sim/orders/${order!.orderRef}/approve`, { personalNumber })).status).toBe(200);
}
