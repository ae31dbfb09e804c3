/**
 * The environment, validated with zod at start-up. Every variable is documented in README.md
 * ("Configuration"). A bad value stops the process with a message naming the variable.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

const base64Key = z
  .string()
  .refine((v) => Buffer.from(v, 'base64').length === 32, 'must be 32 bytes, base64-encoded');

const booleanish = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const schema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    HOST: z.string().optional(),
    DATA_DIR: z.string().default('./data'),
    DATABASE_URL: z.string().url().optional(),
    PGLITE_DIR: z.string().optional(),
    /** Uploaded and generated files, encrypted at rest, named by content hash. */
    FILES_DIR: z.string().optional(),
    /** e.g. smtps://user:pass@mail.kommun.se:465. Unset: no e-mail notices are sent (ADR 008). */
    SMTP_URL: z
      .string()
      .url()
      .refine((v) => /^smtps?:\/\//i.test(v), 'must start with smtp:// or smtps://')
      .optional(),
    MAIL_FROM: z.string().min(3).default('Dataskyddsportalen <no-reply@localhost>'),
    /** The portal's address as residents reach it, for the link in e-mail notices. */
    PUBLIC_URL: z
      .string()
      .url()
      .refine((v) => /^https?:\/\//i.test(v), 'must start with http:// or https://')
      .optional(),
    /** Comma-separated; the first signs new cookies, the others are still accepted (rotation). */
    SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
    /** Comma-separated base64 AES-256 keys; the first encrypts, all decrypt (rotation). */
    PERSONNUMMER_ENCRYPTION_KEYS: z.string().optional(),
    PERSONNUMMER_LOOKUP_KEY: base64Key.optional(),
    TRUST_PROXY: z.string().default('false'),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    SESSION_IDLE_MINUTES_RESIDENT: z.coerce.number().int().positive().default(30),
    SESSION_ABSOLUTE_HOURS_RESIDENT: z.coerce.number().positive().default(8),
    SESSION_IDLE_MINUTES_STAFF: z.coerce.number().int().positive().default(15),
    SESSION_ABSOLUTE_HOURS_STAFF: z.coerce.number().positive().default(4),
    SAMVERKAN_CONFIG: z.string().default('db/seed/demo-samverkan.json'),
    /** The demo/test folkbokföring (relative to the working directory); a Navet adapter replaces it in production. */
    FOLKBOKFORING_FIXTURE: z.string().default('db/seed/demo-folkbokforing.json'),
    JOBS_ENABLED: booleanish.default('true'),
    /** Days a built registerutdrag stays downloadable in Mina ärenden before the delivery store lets it go. */
    UTDRAG_AVAILABLE_DAYS: z.coerce.number().int().min(1).max(365).default(60),
    RATE_LIMIT_ENABLED: booleanish.default('true'),
    BANKID_MODE: z.enum(['simulator', 'test', 'production']).default('simulator'),
    /** Overrides the RP API base URL of the mode (e.g. a simulator elsewhere). */
    BANKID_URL: z.string().url().optional(),
    BANKID_PFX: z.string().optional(),
    BANKID_PASSPHRASE: z.string().optional(),
    BANKID_CA: z.string().optional(),
    BANKID_SIM_RP_PORT: z.coerce.number().int().min(0).max(65535).default(3001),
    BANKID_SIM_CONTROL_PORT: z.coerce.number().int().min(0).max(65535).default(3002),
  })
  .superRefine((env, ctx) => {
    // A real BankID service means real residents: secrets must be configured, never generated.
    if (env.BANKID_MODE !== 'simulator') {
      for (const key of ['SESSION_SECRET', 'PERSONNUMMER_ENCRYPTION_KEYS', 'PERSONNUMMER_LOOKUP_KEY'] as const) {
        if (!env[key]) ctx.addIssue({ code: 'custom', path: [key], message: `is required when BANKID_MODE=${env.BANKID_MODE}` });
      }
    }
    if (env.BANKID_MODE === 'production' && (!env.BANKID_PFX || !env.BANKID_PASSPHRASE)) {
      ctx.addIssue({
        code: 'custom',
        path: ['BANKID_PFX'],
        message: 'BANKID_MODE=production needs the kommun\'s RP certificate: set BANKID_PFX (path to the .p12 from your bank) and BANKID_PASSPHRASE',
      });
    }
    for (const k of (env.PERSONNUMMER_ENCRYPTION_KEYS ?? '').split(',').filter(Boolean)) {
      if (Buffer.from(k.trim(), 'base64').length !== 32) {
        ctx.addIssue({ code: 'custom', path: ['PERSONNUMMER_ENCRYPTION_KEYS'], message: 'each key must be 32 bytes, base64-encoded' });
      }
    }
  });

export type Env = z.infer<typeof schema> & {
  PGLITE_DIR: string;
  FILES_DIR: string;
  /** Without a trailing slash; defaults to http://localhost:<PORT>. */
  PUBLIC_URL: string;
  sessionSecrets: string[];
  pnrEncryptionKeys: Buffer[];
  pnrLookupKey: Buffer;
  /** True when any secret was generated locally instead of configured. */
  generatedSecrets: boolean;
};

type LocalSecrets = { sessionSecret: string; pnrEncryptionKey: string; pnrLookupKey: string };

/**
 * For the simulator/demo installation only: secrets generated once into DATA_DIR so that a fresh
 * clone starts with no configuration and keeps its sessions and encrypted data across restarts.
 */
function localSecrets(dataDir: string): LocalSecrets {
  const file = path.join(dataDir, 'secrets.json');
  if (fs.existsSync(file)) return JSON.parse(fs.readFileSync(file, 'utf8')) as LocalSecrets;
  fs.mkdirSync(dataDir, { recursive: true });
  const secrets: LocalSecrets = {
    sessionSecret: crypto.randomBytes(32).toString('base64url'),
    pnrEncryptionKey: crypto.randomBytes(32).toString('base64'),
    pnrLookupKey: crypto.randomBytes(32).toString('base64'),
  };
  fs.writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600, flag: 'wx' });
  return secrets;
}

export class EnvError extends Error {}

export function parseEnv(source: Record<string, string | undefined>): Env {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== ''));
  const result = schema.safeParse(cleaned);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new EnvError(`Invalid environment:\n${lines.join('\n')}`);
  }
  const env = result.data;
  const needsLocal = !env.SESSION_SECRET || !env.PERSONNUMMER_ENCRYPTION_KEYS || !env.PERSONNUMMER_LOOKUP_KEY;
  const local = needsLocal ? localSecrets(env.DATA_DIR) : undefined;
  const encryptionKeys = (env.PERSONNUMMER_ENCRYPTION_KEYS ?? local!.pnrEncryptionKey).split(',').map((k) => k.trim()).filter(Boolean);
  return {
    ...env,
    PGLITE_DIR: env.PGLITE_DIR ?? path.join(env.DATA_DIR, 'pglite'),
    FILES_DIR: env.FILES_DIR ?? path.join(env.DATA_DIR, 'files'),
    PUBLIC_URL: (env.PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/+$/, ''),
    sessionSecrets: (env.SESSION_SECRET ?? local!.sessionSecret).split(',').map((s) => s.trim()).filter(Boolean),
    pnrEncryptionKeys: encryptionKeys.map((k) => Buffer.from(k, 'base64')),
    pnrLookupKey: Buffer.from(env.PERSONNUMMER_LOOKUP_KEY ?? local!.pnrLookupKey, 'base64'),
    generatedSecrets: needsLocal,
  };
}

const ENV_KEY = Symbol.for('dataskyddsportalen.env');
type GlobalWithEnv = typeof globalThis & { [ENV_KEY]?: Env };

/** Parses once per process (shared between the server entry and the Remix bundle). */
export function loadEnv(): Env {
  const g = globalThis as GlobalWithEnv;
  g[ENV_KEY] ??= parseEnv(process.env);
  return g[ENV_KEY];
}
