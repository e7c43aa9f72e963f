import { SMTPServer } from 'smtp-server';
import type { AddressInfo } from 'node:net';
import type { MailConfig } from '../../src/config/env';

export interface ReceivedMail {
  /** Envelope recipients. */
  to: string[];
  /** The raw message (headers and body as sent). */
  raw: string;
}

/** A local SMTP server (npm smtp-server) on a free loopback port that keeps what it receives. */
export async function startSmtp(): Promise<{ mail: MailConfig; inbox: ReceivedMail[]; close(): Promise<void> }> {
  const inbox: ReceivedMail[] = [];
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, callback) {
      let raw = '';
      stream.on('data', (c: Buffer) => (raw += c.toString('utf8')));
      stream.on('end', () => {
        inbox.push({ to: session.envelope.rcptTo.map((r) => r.address), raw });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', () => resolve()));
  return {
    mail: {
      url: `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}?ignoreTLS=true`,
      from: 'Samordna <samordna@test.example>',
    },
    inbox,
    close: () => new Promise<void>((resolve) => smtp.close(() => resolve())),
  };
}

/** Quoted-printable and RFC 2047 Q-words decoded: the subject and body as a reader sees them. */
export function readMail(raw: string): { subject: string; body: string } {
  const qp = (s: string) =>
    s.replace(/=\r?\n/g, '').replace(/((?:=[0-9A-F]{2})+)/g, (m) =>
      Buffer.from(
        m
          .split('=')
          .slice(1)
          .map((h) => parseInt(h, 16)),
      ).toString('utf8'),
    );
  const [head, ...rest] = raw.split(/\r?\n\r?\n/);
  const line = head
    .replace(/\r?\n[ \t]+/g, ' ')
    .split(/\r?\n/)
    .find((l) => l.startsWith('Subject:'))!
    .slice('Subject: '.length);
  const subject = line
    .replace(/\?=\s+=\?UTF-8\?Q\?/gi, '')
    .replace(/=\?UTF-8\?Q\?(.*?)\?=/gi, (_m, q: string) => qp(q.replace(/_/g, ' ')));
  return { subject, body: qp(rest.join('\n\n')) };
}
