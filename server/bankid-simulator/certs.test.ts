import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import tls from 'node:tls';
import forge from 'node-forge';
import { ensureSimulatorCerts } from './certs';

describe('simulator certificates', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bankid-sim-certs-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('generates a CA, a localhost server certificate and a PKCS#12 client certificate OpenSSL 3 can load', () => {
    const paths = ensureSimulatorCerts(dir);
    expect(paths.passphrase).toBe('qwerty123');
    const ca = fs.readFileSync(paths.caPath, 'utf8');
    expect(() => tls.createSecureContext({ pfx: fs.readFileSync(paths.pfxPath), passphrase: paths.passphrase, ca })).not.toThrow();
    const server = forge.pki.certificateFromPem(fs.readFileSync(paths.serverCertPath, 'utf8'));
    const caCert = forge.pki.certificateFromPem(ca);
    expect(caCert.subject.getField('CN').value).toBe('Dataskyddsportalen BankID Simulator CA');
    expect(caCert.verify(server)).toBe(true);
    const san = server.getExtension('subjectAltName') as { altNames: Array<{ type: number; value?: string; ip?: string }> };
    expect(san.altNames).toEqual(expect.arrayContaining([expect.objectContaining({ type: 2, value: 'localhost' }), expect.objectContaining({ type: 7, ip: '127.0.0.1' })]));
    expect(fs.statSync(paths.serverKeyPath).mode & 0o077).toBe(0);
  });

  it('reuses the files on a later start', () => {
    const before = fs.readFileSync(path.join(dir, 'rp-client.p12'));
    ensureSimulatorCerts(dir);
    expect(fs.readFileSync(path.join(dir, 'rp-client.p12')).equals(before)).toBe(true);
  });
});
