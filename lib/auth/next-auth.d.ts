// The session id travels in the JWT (`sid`) and reaches the app on the session object.
import 'next-auth';
import 'next-auth/jwt';

declare module 'next-auth' {
  interface Session {
    sessionId?: string;
  }
}

declare module 'next-auth/jwt' {
  interface JWT {
    sid?: string;
  }
}
