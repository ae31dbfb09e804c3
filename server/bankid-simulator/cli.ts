/**
 * Runs the BankID simulator on its own: `tsx server/bankid-simulator/cli.ts`.
 * Ports and data directory come from BANKID_SIM_RP_PORT, BANKID_SIM_CONTROL_PORT,
 * BANKID_SIM_DATA_DIR, BANKID_SIM_HOST and BANKID_SIM_LIFETIME_SECONDS.
 */
import { startBankIdSimulator } from './index';

function intFromEnv(name: string): number | undefined {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return undefined;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) {
    console.error(`${name} must be a non-negative integer, got "${raw}"`);
    process.exit(1);
  }
  return value;
}

const sim = await startBankIdSimulator({
  dataDir: process.env.BANKID_SIM_DATA_DIR || undefined,
  rpPort: intFromEnv('BANKID_SIM_RP_PORT'),
  controlPort: intFromEnv('BANKID_SIM_CONTROL_PORT'),
  host: process.env.BANKID_SIM_HOST || undefined,
  lifetimeSeconds: intFromEnv('BANKID_SIM_LIFETIME_SECONDS'),
});

// A terminal tool: plain lines on stdout (no personal data is printed).
process.stdout.write(
  [
    'BankID simulator running',
    `  RP API (mTLS):   ${sim.rpUrl}`,
    `  client cert:     ${sim.pfxPath} (passphrase ${sim.passphrase})`,
    `  server CA:       ${sim.caPath}`,
    `  BankID-appen:    ${sim.controlUrl}/`,
    `  control API:     ${sim.controlUrl}/__sim/orders`,
    '',
  ].join('\n'),
);

const shutdown = () => {
  sim.stop().then(
    () => process.exit(0),
    () => process.exit(1),
  );
};
process.once('SIGINT', shutdown);
process.once('SIGTERM', shutdown);
