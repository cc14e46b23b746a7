import type { SessionUser } from './session-user';

declare module 'next-auth' {
  interface Session {
    user?: SessionUser;
  }
  interface User {
    /** Set by authorize; copied into the JWT on sign-in. */
    sessionUser?: SessionUser;
  }
}

declare module 'next-auth/jwt' {
  interface JWT {
    user?: SessionUser;
  }
}
