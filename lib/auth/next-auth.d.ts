import type { SessionUser } from './session-user';

declare module 'next-auth' {
  interface Session {
    user?: SessionUser;
  }
  interface User {
    /** Set by authorize; copied into the JWT on sign-in. */
    sessionUser?: SessionUser;
    /** The user's session version at sign-in. */
    sessionVersion?: number;
  }
}

declare module 'next-auth/jwt' {
  interface JWT {
    user?: SessionUser;
    /** The user's session version when the token was issued; a newer one in the database ends the token. */
    sessionVersion?: number;
  }
}
