/**
 * Personnummer at rest (DOMAIN.md §9): AES-256-GCM ciphertext for display when needed and an
 * HMAC-SHA256 lookup value for equality search. Ciphertexts carry the id of the key that made
 * them, so keys rotate by prepending a new key to PERSONNUMMER_ENCRYPTION_KEYS.
 * The lookup key cannot rotate without re-hashing every row (documented in ADR 005).
 */
import crypto from 'node:crypto';
import { loadEnv } from './env.server';

type Keys = { encryption: Buffer[]; lookup: Buffer };

function keys(): Keys {
  const env = loadEnv();
  return { encryption: env.pnrEncryptionKeys, lookup: env.pnrLookupKey };
}

const keyId = (key: Buffer) => crypto.createHash('sha256').update(key).digest('hex').slice(0, 8);

/**
 * Format: `v1.<keyId>.<iv>.<tag>.<ciphertext>` (base64url parts). Also used for other small
 * personal data at rest, such as BankID completion data (name + personnummer).
 */
export function encryptPersonalData(text: string, k: Keys = keys()): string {
  const key = k.encryption[0]!;
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv('aes-256-gcm', key, iv);
  const ct = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
  return ['v1', keyId(key), iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), ct.toString('base64url')].join('.');
}

export function decryptPersonalData(stored: string, k: Keys = keys()): string {
  const [version, kid, iv, tag, ct] = stored.split('.');
  if (version !== 'v1' || !kid || !iv || !tag || !ct) throw new Error('Unknown ciphertext format');
  const key = k.encryption.find((candidate) => keyId(candidate) === kid);
  if (!key) throw new Error(`No configured key ${kid} for this ciphertext`);
  const decipher = crypto.createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(ct, 'base64url')), decipher.final()]).toString('utf8');
}

export const encryptPersonnummer = encryptPersonalData;
export const decryptPersonnummer = decryptPersonalData;

export function personnummerLookup(normalised: string, k: Keys = keys()): string {
  return crypto.createHmac('sha256', k.lookup).update(normalised).digest('hex');
}
