import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { EnvError, parseEnv } from './env.server';

const secrets = {
  SESSION_SECRET: 'x'.repeat(40),
  PERSONNUMMER_ENCRYPTION_KEYS: crypto.randomBytes(32).toString('base64'),
  PERSONNUMMER_LOOKUP_KEY: crypto.randomBytes(32).toString('base64'),
};

describe('parseEnv', () => {
  it('defaults to the simulator, Swedish demo and the embedded database', () => {
    const env = parseEnv({ ...secrets, DATA_DIR: '/tmp/x' });
    expect(env).toMatchObject({ BANKID_MODE: 'simulator', PORT: 3000, PGLITE_DIR: '/tmp/x/pglite', generatedSecrets: false });
    expect(env.DATABASE_URL).toBeUndefined();
  });

  it('uses the demo folkbokföring fixture unless FOLKBOKFORING_FIXTURE names another', () => {
    expect(parseEnv(secrets).FOLKBOKFORING_FIXTURE).toBe('db/seed/demo-folkbokforing.json');
    expect(parseEnv({ ...secrets, FOLKBOKFORING_FIXTURE: 'test/fb.json' }).FOLKBOKFORING_FIXTURE).toBe('test/fb.json');
  });

  it('refuses production BankID without the kommun’s certificate, naming the variable', () => {
    expect(() => parseEnv({ ...secrets, BANKID_MODE: 'production' })).toThrow(EnvError);
    expect(() => parseEnv({ ...secrets, BANKID_MODE: 'production' })).toThrow(/BANKID_PFX: BANKID_MODE=production needs the kommun's RP certificate/);
  });

  it('refuses a real BankID service with generated secrets', () => {
    expect(() => parseEnv({ BANKID_MODE: 'test', DATA_DIR: '/tmp/x' })).toThrow(/SESSION_SECRET: is required when BANKID_MODE=test/);
  });

  it.each([
    [{ PORT: 'eighty' }, /PORT/],
    [{ PERSONNUMMER_LOOKUP_KEY: 'c2hvcnQ=' }, /PERSONNUMMER_LOOKUP_KEY: must be 32 bytes/],
    [{ DATABASE_URL: 'not a url' }, /DATABASE_URL/],
    [{ BANKID_MODE: 'live' }, /BANKID_MODE/],
  ])('a bad value stops start-up with its name: %j', (bad, message) => {
    expect(() => parseEnv({ ...secrets, ...bad })).toThrow(message);
  });

  it('keeps every listed secret for rotation', () => {
    const env = parseEnv({ ...secrets, SESSION_SECRET: `${'a'.repeat(32)},${'b'.repeat(32)}` });
    expect(env.sessionSecrets).toEqual(['a'.repeat(32), 'b'.repeat(32)]);
  });
});
