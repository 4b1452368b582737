import type { DefaultSession } from 'next-auth';

declare module 'next-auth' {
  interface Session {
    user: { id: string } & DefaultSession['user'];
    /** The Session row this sign-in opened (lib/server/accounts/sessions.ts). */
    sessionId?: string;
  }
}

declare module '@auth/core/jwt' {
  interface JWT {
    /** The Session row this sign-in opened; the token counts only while it exists. */
    sid?: string;
  }
}
