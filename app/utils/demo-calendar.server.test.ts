import { control, startTestSimulator, type TestSimulator } from '../../server/bankid-simulator/test-helpers';
import { demoCalendarOffsetDays, todayInStockholm } from './dates.server';
import { demoCalendarRoutes } from './demo-calendar.server';

let sim: TestSimulator;
const warnings: object[] = [];

beforeAll(async () => {
  sim = await startTestSimulator({ hostControlRoutes: demoCalendarRoutes({ warn: (o) => warnings.push(o) }) });
});
afterAll(async () => {
  await fetch(`${sim.controlUrl}/__portal/calendar`, { method: 'DELETE' });
  await sim.stop();
});

describe('the demo calendar on the simulator control port', () => {
  it('moves today ahead by whole days, and back', async () => {
    const real = todayInStockholm(new Date());
    expect((await control(sim, 'GET', '/__portal/calendar')).body).toEqual({ offsetDays: 0, today: real });

    const moved = await control(sim, 'POST', '/__portal/calendar', { offsetDays: 25 });
    expect(moved.status).toBe(200);
    expect(demoCalendarOffsetDays()).toBe(25);
    expect(todayInStockholm()).toBe(todayInStockholm(new Date(Date.now() + 25 * 86_400_000)));
    expect(moved.body.today).toBe(todayInStockholm());
    // An explicit instant is never moved: recorded timestamps keep their real date.
    expect(todayInStockholm(new Date())).toBe(real);
    expect(warnings).toContainEqual(expect.objectContaining({ offsetDays: 25 }));

    await fetch(`${sim.controlUrl}/__portal/calendar`, { method: 'DELETE' });
    expect(todayInStockholm()).toBe(real);
  });

  it('refuses anything but a whole number of days from 0 to 400', async () => {
    for (const offsetDays of [-1, 401, 1.5, '3']) {
      expect((await control(sim, 'POST', '/__portal/calendar', { offsetDays })).status).toBe(400);
    }
    expect(demoCalendarOffsetDays()).toBe(0);
  });

  it('does not exist unless the host adds it', async () => {
    const plain = await startTestSimulator();
    try {
      expect((await fetch(`${plain.controlUrl}/__portal/calendar`)).status).toBe(404);
    } finally {
      await plain.stop();
    }
  });
});
