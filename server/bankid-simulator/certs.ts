/**
 * Certificates for the simulator's mutual TLS, generated once into a data directory:
 * a private CA, a server certificate for localhost/127.0.0.1 and an RP client certificate
 * exported as PKCS#12, the same shape of material a relying party gets from its bank. The
 * portal's BankID client then runs the exact code path (pfx + passphrase + pinned CA) it uses
 * against BankID's test and production services.
 */
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import tls from 'node:tls';
import forge from 'node-forge';

export const SIMULATOR_PASSPHRASE = 'qwerty123';
export const DEFAULT_CERT_DIR = './data/bankid-sim/';

export interface SimulatorCertPaths {
  dir: string;
  caPath: string;
  serverKeyPath: string;
  serverCertPath: string;
  pfxPath: string;
  passphrase: string;
}

const DAY_MS = 24 * 60 * 60 * 1000;

export function certPaths(dir: string = DEFAULT_CERT_DIR): SimulatorCertPaths {
  const abs = path.resolve(dir);
  return {
    dir: abs,
    caPath: path.join(abs, 'ca.pem'),
    serverKeyPath: path.join(abs, 'server-key.pem'),
    serverCertPath: path.join(abs, 'server-cert.pem'),
    pfxPath: path.join(abs, 'rp-client.p12'),
    passphrase: SIMULATOR_PASSPHRASE,
  };
}

/** Returns the paths, generating the files when any is missing or the server certificate is about to expire. */
export function ensureSimulatorCerts(dir: string = DEFAULT_CERT_DIR): SimulatorCertPaths {
  const paths = certPaths(dir);
  if (!usable(paths)) generateAll(paths);
  return paths;
}

function usable(p: SimulatorCertPaths): boolean {
  const files = [p.caPath, p.serverKeyPath, p.serverCertPath, p.pfxPath];
  if (!files.every((f) => fs.existsSync(f))) return false;
  try {
    const cert = forge.pki.certificateFromPem(fs.readFileSync(p.serverCertPath, 'utf8'));
    return cert.validity.notAfter.getTime() - Date.now() > DAY_MS;
  } catch {
    return false;
  }
}

/** node:crypto generates RSA keys natively (fast); forge only builds and signs the certificates. */
function newKeyPair(): { privateKey: forge.pki.rsa.PrivateKey; publicKey: forge.pki.rsa.PublicKey } {
  const pair = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
  return {
    privateKey: forge.pki.privateKeyFromPem(pair.privateKey) as forge.pki.rsa.PrivateKey,
    publicKey: forge.pki.publicKeyFromPem(pair.publicKey) as forge.pki.rsa.PublicKey,
  };
}

interface CertSpec {
  subject: forge.pki.CertificateField[];
  publicKey: forge.pki.rsa.PublicKey;
  signer: { key: forge.pki.rsa.PrivateKey; cert?: forge.pki.Certificate };
  years: number;
  extensions: object[];
}

function buildCert(spec: CertSpec): forge.pki.Certificate {
  const cert = forge.pki.createCertificate();
  cert.publicKey = spec.publicKey;
  // A positive serial: a leading 0x01 byte keeps the DER integer from reading as negative.
  cert.serialNumber = '01' + randomBytes(15).toString('hex');
  // Backdated a day so clocks slightly behind do not see a "not yet valid" certificate.
  cert.validity.notBefore = new Date(Date.now() - DAY_MS);
  cert.validity.notAfter = new Date(Date.now() + spec.years * 365 * DAY_MS);
  cert.setSubject(spec.subject);
  cert.setIssuer(spec.signer.cert ? spec.signer.cert.subject.attributes : spec.subject);
  const authorityKey = spec.signer.cert ? [{ name: 'authorityKeyIdentifier', keyIdentifier: spec.signer.cert.generateSubjectKeyIdentifier().getBytes() }] : [];
  cert.setExtensions([...spec.extensions, { name: 'subjectKeyIdentifier' }, ...authorityKey]);
  cert.sign(spec.signer.key, forge.md.sha256.create());
  return cert;
}

const ORG = { shortName: 'O', value: 'Dataskyddsportalen (simulator)' };

function generateAll(p: SimulatorCertPaths): void {
  fs.mkdirSync(p.dir, { recursive: true });

  const caKeys = newKeyPair();
  const ca = buildCert({
    subject: [{ shortName: 'CN', value: 'Dataskyddsportalen BankID Simulator CA' }, ORG],
    publicKey: caKeys.publicKey,
    signer: { key: caKeys.privateKey },
    years: 10,
    extensions: [
      { name: 'basicConstraints', cA: true, critical: true },
      { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
    ],
  });

  const serverKeys = newKeyPair();
  const server = buildCert({
    subject: [{ shortName: 'CN', value: 'localhost' }, ORG],
    publicKey: serverKeys.publicKey,
    signer: { key: caKeys.privateKey, cert: ca },
    years: 5,
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
      { name: 'extKeyUsage', serverAuth: true },
      { name: 'subjectAltName', altNames: [{ type: 2, value: 'localhost' }, { type: 7, ip: '127.0.0.1' }, { type: 7, ip: '::1' }] },
    ],
  });

  const clientKeys = newKeyPair();
  const client = buildCert({
    subject: [{ shortName: 'CN', value: 'Dataskyddsportalen RP (simulator)' }, ORG],
    publicKey: clientKeys.publicKey,
    signer: { key: caKeys.privateKey, cert: ca },
    years: 5,
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, critical: true },
      { name: 'extKeyUsage', clientAuth: true },
    ],
  });

  // 3DES + SHA-1 MAC: readable by OpenSSL 3 without the legacy provider (RC2-40 is not).
  const p12Asn1 = forge.pkcs12.toPkcs12Asn1(clientKeys.privateKey, [client, ca], p.passphrase, {
    algorithm: '3des',
    friendlyName: 'Dataskyddsportalen RP (simulator)',
  });
  const pfx = Buffer.from(forge.asn1.toDer(p12Asn1).getBytes(), 'binary');
  const caPem = forge.pki.certificateToPem(ca);
  // Fail here, at generation, rather than later inside the portal's first BankID call.
  tls.createSecureContext({ pfx, passphrase: p.passphrase, ca: caPem });

  writeAtomic(p.caPath, caPem, 0o644);
  writeAtomic(p.serverKeyPath, forge.pki.privateKeyToPem(serverKeys.privateKey), 0o600);
  writeAtomic(p.serverCertPath, forge.pki.certificateToPem(server) + caPem, 0o644);
  writeAtomic(p.pfxPath, pfx, 0o600);
}

/** Write-then-rename so a process starting concurrently never reads a half-written file. */
function writeAtomic(file: string, data: string | Buffer, mode: number): void {
  const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  fs.writeFileSync(tmp, data, { mode });
  fs.renameSync(tmp, file);
}
