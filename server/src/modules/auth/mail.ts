import nodemailer, { type Transporter } from 'nodemailer';
import type { MailConfig } from '../../config/env';

/**
 * Invitation and password-reset mails through the SMTP server configured by SMTP_URL and MAIL_FROM
 * (nodemailer). Without it, links are shown once to the person who made them instead.
 */
const transports = new Map<string, Transporter>();

export interface Mail {
  to: string;
  subject: string;
  text: string;
}

export async function sendMail(config: MailConfig, mail: Mail): Promise<void> {
  let transport = transports.get(config.url);
  if (!transport) {
    transport = nodemailer.createTransport(config.url);
    transports.set(config.url, transport);
  }
  await transport.sendMail({ from: config.from, to: mail.to, subject: mail.subject, text: mail.text });
}
