/**
 * The demo calendar's control routes, mounted on the BankID simulator's control port at
 * `/__portal/calendar` — so they exist only where the simulator runs (a demo or test portal) and
 * share its localhost-only, same-origin guard. A test moves "today" ahead to file an appeal after
 * its period has run out, then puts it back (ADR 010). Timestamps (audit rows, sessions) keep the
 * real time; only the calendar date the law's periods are counted in moves.
 */
import express from 'express';
import { z } from 'zod';
import { demoCalendarOffsetDays, setDemoCalendarOffsetDays, todayInStockholm } from './dates.server';

const body = z.object({ offsetDays: z.number().int().min(0).max(400) });

type Log = { warn(obj: object, msg?: string): void };

export function demoCalendarRoutes(log: Log): express.Router {
  const router = express.Router();
  router.get('/calendar', (_req, res) => {
    res.json({ offsetDays: demoCalendarOffsetDays(), today: todayInStockholm() });
  });
  router.post('/calendar', (req, res) => {
    const parsed = body.safeParse(req.body);
    if (!parsed.success) {
      res.status(400).json({ error: 'offsetDays must be a whole number of days from 0 to 400' });
      return;
    }
    setDemoCalendarOffsetDays(parsed.data.offsetDays);
    log.warn({ offsetDays: parsed.data.offsetDays, today: todayInStockholm() }, 'demo calendar moved');
    res.json({ offsetDays: parsed.data.offsetDays, today: todayInStockholm() });
  });
  router.delete('/calendar', (_req, res) => {
    setDemoCalendarOffsetDays(0);
    res.json({ offsetDays: 0, today: todayInStockholm() });
  });
  return router;
}
