/**
 * A local SMTP server for tests of e-mail (notices, reminders): it keeps what it receives, decoded
 * with just enough MIME to read subject and bodies back, and can refuse recipients like a real one.
 * `useSmtpServer()` registers the hooks; read `.url` and `.received` inside tests.
 */
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, afterEach, beforeAll } from 'vitest';

export type Received = { to: string[]; raw: string; subject: string; text: string; html: string };

function decodeQuotedPrintable(s: string): string {
  const bytes: number[] = [];
  const t = s.replace(/=\r?\n/g, '');
  for (let i = 0; i < t.length; i++) {
    const hex = t.slice(i + 1, i + 3);
    if (t[i] === '=' && /^[0-9A-F]{2}$/i.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else bytes.push(...Buffer.from(t[i]!, 'utf8'));
  }
  return Buffer.from(bytes).toString('utf8');
}

function decodeHeaderWords(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?utf-8\?([qb])\?([^?]*)\?=/gi, (_m, enc: string, data: string) =>
      enc.toLowerCase() === 'b' ? Buffer.from(data, 'base64').toString('utf8') : decodeQuotedPrintable(data.replace(/_/g, ' ')),
    );
}

function parseMail(raw: string, to: string[]): Received {
  const split = (entity: string) => {
    const at = entity.search(/\r?\n\r?\n/);
    const head = entity.slice(0, at).replace(/\r?\n[ \t]+/g, ' ');
    const headers = Object.fromEntries(head.split(/\r?\n/).map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]));
    return { headers, body: entity.slice(at).replace(/^\r?\n\r?\n/, '') };
  };
  const decode = (part: { headers: Record<string, string>; body: string }) => {
    const encoding = (part.headers['content-transfer-encoding'] ?? '7bit').toLowerCase();
    if (encoding === 'base64') return Buffer.from(part.body.replace(/\s+/g, ''), 'base64').toString('utf8');
    if (encoding === 'quoted-printable') return decodeQuotedPrintable(part.body);
    return part.body;
  };
  const top = split(raw);
  const boundary = /boundary="?([^";]+)"?/i.exec(top.headers['content-type'] ?? '')?.[1];
  const parts = boundary ? top.body.split(`--${boundary}`).slice(1, -1).map((p) => split(p.replace(/^\r?\n/, ''))) : [top];
  const body = (type: string) => {
    const part = parts.find((p) => (p.headers['content-type'] ?? 'text/plain').toLowerCase().startsWith(type));
    return part ? decode(part) : '';
  };
  return { to, raw, subject: decodeHeaderWords(top.headers.subject ?? ''), text: body('text/plain'), html: body('text/html') };
}

export type TestSmtp = {
  url: string;
  received: Received[];
  /** Addresses the server refuses with 550, or 'all'. */
  reject: Set<string> | 'all';
};

export function useSmtpServer(): TestSmtp {
  const smtp: TestSmtp = { url: '', received: [], reject: new Set() };
  let server: SMTPServer;
  beforeAll(async () => {
    server = new SMTPServer({
      authOptional: true,
      // Plain SMTP on localhost: nodemailer would otherwise upgrade to TLS and refuse the test certificate.
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onRcptTo(address, _session, callback) {
        if (smtp.reject !== 'all' && !smtp.reject.has(address.address)) return callback();
        // Like a real server, the refusal quotes the address.
        callback(Object.assign(new Error(`<${address.address}>: mailbox unavailable`), { responseCode: 550 }));
      },
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          smtp.received.push(parseMail(Buffer.concat(chunks).toString('utf8'), session.envelope.rcptTo.map((r) => r.address)));
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    smtp.url = `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });
  afterEach(() => {
    smtp.received.length = 0;
    smtp.reject = new Set();
  });
  return smtp;
}
