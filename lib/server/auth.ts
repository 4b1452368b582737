import 'server-only';
import { PrismaAdapter } from '@auth/prisma-adapter';
import NextAuth, { CredentialsSignin, type NextAuthConfig } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import GitHub from 'next-auth/providers/github';
import Google from 'next-auth/providers/google';
import { endSession, SESSION_MAX_AGE_SECONDS, startSession } from './accounts/sessions';
import { verifyCredentials } from './accounts/verify-credentials';
import { clientAddressOf } from './client-address';
import { db } from './db';
import { AppError } from './errors';

class InvalidCredentials extends CredentialsSignin {
  override code = 'invalid_credentials';
}
class TooManyAttempts extends CredentialsSignin {
  override code = 'rate_limited';
}

/**
 * Auth.js v5. Email and password always; GitHub and Google only when their
 * AUTH_GITHUB_* / AUTH_GOOGLE_* variables are set. The Credentials provider
 * requires JWT sessions; the token carries the user id and the id of a
 * Session row made at sign-in, and both are checked against the database on
 * every request (lib/server/actor.ts), so signing out, or a deleted
 * account, ends the session at once. Initialised lazily so `next build` needs
 * neither a database nor a secret.
 */
export const { handlers, auth, signIn, signOut } = NextAuth((): NextAuthConfig => {
  const providers: NextAuthConfig['providers'] = [
    Credentials({
      credentials: {
        email: { label: 'Email', type: 'email' },
        password: { label: 'Password', type: 'password' },
      },
      authorize: async (credentials, request) => {
        try {
          const user = await verifyCredentials(credentials, clientAddressOf(request.headers));
          if (!user) throw new InvalidCredentials();
          return user;
        } catch (error) {
          if (error instanceof AppError && error.code === 'RATE_LIMITED')
            throw new TooManyAttempts();
          throw error;
        }
      },
    }),
  ];
  if (process.env.AUTH_GITHUB_ID && process.env.AUTH_GITHUB_SECRET) providers.push(GitHub);
  if (process.env.AUTH_GOOGLE_ID && process.env.AUTH_GOOGLE_SECRET) providers.push(Google);
  return {
    adapter: PrismaAdapter(db()),
    session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_SECONDS },
    providers,
    pages: { signIn: '/sign-in' },
    trustHost: true,
    callbacks: {
      // At sign-in (the only time `user` is given), the token gets the id of
      // a new Session row; currentUser honours the token only while that row
      // exists (lib/server/accounts/sessions.ts).
      jwt: async ({ token, user }) => {
        if (user?.id) {
          token.sub = user.id;
          token.sid = await startSession(user.id);
        }
        return token;
      },
      session: ({ session, token }) => {
        if (token.sub) session.user.id = token.sub;
        if (typeof token.sid === 'string') session.sessionId = token.sid;
        return session;
      },
    },
    events: {
      // Signing out ends the session on the server too: the old cookie,
      // replayed, is worth nothing.
      signOut: async (message) => {
        const sid = 'token' in message ? message.token?.sid : undefined;
        if (typeof sid === 'string') await endSession(sid);
      },
    },
  };
});

/** Which OAuth providers are switched on, for the sign-in page. */
export function oauthProviders(): { id: 'github' | 'google'; name: string }[] {
  const list: { id: 'github' | 'google'; name: string }[] = [];
  if (process.env.AUTH_GITHUB_ID && process.env.AUTH_GITHUB_SECRET)
    list.push({ id: 'github', name: 'GitHub' });
  if (process.env.AUTH_GOOGLE_ID && process.env.AUTH_GOOGLE_SECRET)
    list.push({ id: 'google', name: 'Google' });
  return list;
}
