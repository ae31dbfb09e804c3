import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { decryptPersonnummer, encryptPersonnummer, personnummerLookup } from './pnr-crypto.server';

const k1 = crypto.randomBytes(32);
const k2 = crypto.randomBytes(32);
const lookup = crypto.randomBytes(32);

describe('personnummer at rest', () => {
  it('round-trips and never contains the clear text', () => {
    const c = encryptPersonnummer('198112289874', { encryption: [k1], lookup });
    expect(c).not.toContain('198112289874');
    expect(decryptPersonnummer(c, { encryption: [k1], lookup })).toBe('198112289874');
  });

  it('uses a fresh IV: the same number encrypts differently each time', () => {
    const keys = { encryption: [k1], lookup };
    expect(encryptPersonnummer('198112289874', keys)).not.toBe(encryptPersonnummer('198112289874', keys));
  });

  it('decrypts with a previous key after rotation', () => {
    const old = encryptPersonnummer('198112289874', { encryption: [k1], lookup });
    expect(decryptPersonnummer(old, { encryption: [k2, k1], lookup })).toBe('198112289874');
    expect(() => decryptPersonnummer(old, { encryption: [k2], lookup })).toThrow(/No configured key/);
  });

  it('detects tampering (GCM tag)', () => {
    const c = encryptPersonnummer('198112289874', { encryption: [k1], lookup }).split('.');
    c[4] = Buffer.from('198112289875').toString('base64url');
    expect(() => decryptPersonnummer(c.join('.'), { encryption: [k1], lookup })).toThrow();
  });

  it('has a stable keyed lookup value', () => {
    const a = personnummerLookup('198112289874', { encryption: [k1], lookup });
    expect(a).toBe(personnummerLookup('198112289874', { encryption: [k2], lookup }));
    expect(a).not.toBe(personnummerLookup('198112289874', { encryption: [k1], lookup: k2 }));
  });
});
