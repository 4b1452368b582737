import 'server-only';
import nodemailer from 'nodemailer';
import { MailEnv, parseEnv } from '../../env';

export type MailSettings = {
  transport: {
    host: string;
    port: number;
    secure: boolean;
    auth?: { user: string; pass: string };
  };
  from: string;
  /** The app's public address (AUTH_URL), for links in mail. */
  origin: string;
};

/** How mail goes out, or null when password reset by email is not set up (lib/env.ts, MailEnv). Read each time. */
export function mailSettings(): MailSettings | null {
  const env = parseEnv(MailEnv);
  if (!env.SMTP_HOST || !env.SMTP_FROM || !env.AUTH_URL) return null;
  return {
    transport: {
      host: env.SMTP_HOST,
      port: env.SMTP_PORT,
      secure: env.SMTP_SECURE,
      ...(env.SMTP_USER ? { auth: { user: env.SMTP_USER, pass: env.SMTP_PASSWORD ?? '' } } : {}),
    },
    from: env.SMTP_FROM,
    origin: new URL(env.AUTH_URL).origin,
  };
}

/**
 * Sends one plain-text mail. A mail server that does not answer gives up
 * within seconds (nodemailer's defaults wait minutes).
 */
export async function sendMail(
  settings: MailSettings,
  mail: { to: string; subject: string; text: string },
): Promise<void> {
  const transport = nodemailer.createTransport({
    ...settings.transport,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  });
  try {
    await transport.sendMail({ from: settings.from, ...mail });
  } finally {
    transport.close();
  }
}
