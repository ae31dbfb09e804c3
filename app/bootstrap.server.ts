/**
 * What the server does before it serves: open (and, embedded, migrate) the database, import the
 * samverkan configuration on first start, start the job workers.
 */
import fs from 'node:fs';
import path from 'node:path';
import { startBankIdSimulator } from '../server/bankid-simulator/index';
import { BankIdClient } from './utils/bankid/client.server';
import { setBankIdClient } from './utils/bankid/service.server';
import { validateSamverkanConfig } from './domain/samverkan-config';
import { startJobs } from './jobs/queue.server';
import { importSamverkanConfig, isConfigured } from './models/organisation.server';
import { todayInStockholm } from './utils/dates.server';
import { demoCalendarRoutes } from './utils/demo-calendar.server';
import { openDatabase } from './utils/db.server';
import { loadEnv } from './utils/env.server';

type Log = { info(obj: object, msg?: string): void; warn(obj: object, msg?: string): void; error(obj: object, msg?: string): void };

export async function bootstrap(log: Log) {
  const env = loadEnv();
  const handle = await openDatabase();
  log.info({ driver: handle.driver }, 'database ready');
  if (env.generatedSecrets) log.warn({ file: `${env.DATA_DIR}/secrets.json` }, 'using locally generated secrets (fine for the simulator/demo; configure them for production)');

  if (env.SAMVERKAN_CONFIG && !(await isConfigured())) {
    const result = validateSamverkanConfig(JSON.parse(fs.readFileSync(env.SAMVERKAN_CONFIG, 'utf8')));
    if (!result.ok) throw new Error(`${env.SAMVERKAN_CONFIG} is invalid:\n  ${result.errors.join('\n  ')}`);
    const summary = await importSamverkanConfig(result.config, { type: 'system', id: 'first-start' }, todayInStockholm());
    log.info({ file: env.SAMVERKAN_CONFIG, ...summary }, 'samverkan configuration imported on first start');
  }

  // In simulator mode the portal runs its own BankID (README "BankID simulator"); in test and
  // production mode nothing of it is started, so its control port is never exposed.
  const simulator =
    env.BANKID_MODE === 'simulator' && !env.BANKID_URL
      ? await startBankIdSimulator({ dataDir: path.join(env.DATA_DIR, 'bankid-sim'), rpPort: env.BANKID_SIM_RP_PORT, controlPort: env.BANKID_SIM_CONTROL_PORT, hostControlRoutes: demoCalendarRoutes(log) })
      : null;
  if (simulator) {
    setBankIdClient(new BankIdClient({ baseUrl: simulator.rpUrl, pfx: fs.readFileSync(simulator.pfxPath), passphrase: simulator.passphrase, ca: fs.readFileSync(simulator.caPath) }));
    log.info({ rp: simulator.rpUrl, app: `${simulator.controlUrl}/` }, 'BankID simulator started');
  }

  // E-mail notices (ADR 008). The host only: SMTP_URL may carry a password.
  if (env.SMTP_URL) log.info({ smtp: new URL(env.SMTP_URL).host, publicUrl: env.PUBLIC_URL }, 'e-mail notices on');
  else log.info({}, 'SMTP_URL is not set: e-mail notices are off');

  // startJobs also makes the queue reachable for code in the Remix bundle (runningQueue() in
  // app/jobs/queue.server.ts). Without it, notices are sent directly (app/jobs/notices.server.ts).
  const boss = env.JOBS_ENABLED ? await startJobs(handle, (err) => log.error({ err }, 'job queue error')) : null;
  return {
    handle,
    async shutdown() {
      if (boss) await boss.stop({ graceful: true, wait: true });
      if (simulator) await simulator.stop();
      await handle.close();
    },
  };
}
