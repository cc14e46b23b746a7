import 'server-only';
import nodemailer from 'nodemailer';
import { serverEnv } from '@/lib/config/env';
import { log } from '@/lib/log';

/** Mails the invitation when SMTP is configured; false means the admin copies the link instead. */
export async function mailInvitation(input: { to: string; organizationName: string; url: string }): Promise<boolean> {
  const { smtpUrl, mailFrom } = serverEnv();
  if (!smtpUrl) return false;
  const transport = nodemailer.createTransport(smtpUrl);
  try {
    await transport.sendMail({
      from: mailFrom,
      to: input.to,
      subject: `You are invited to ${input.organizationName} on Fundsight`,
      text: `Open this link to join ${input.organizationName} on Fundsight (valid for 7 days, once):\n\n${input.url}\n`,
    });
    return true;
  } catch (error) {
    log.warn('invitation.mail_failed', { error: error instanceof Error ? error.name : 'unknown' });
    return false;
  } finally {
    transport.close();
  }
}
