import type fr from '../fr/sign-in';
import type { Shape } from '../shape';

/** The sign-in page. */
const signIn: Shape<typeof fr> = {
  signIn: {
    title: 'Sign in to the staff area',
    intro: 'For city staff and ethics committee members only.',
    email: 'Email address',
    emailHint: 'Expected format: firstname.lastname@example.org',
    password: 'Password',
    submit: 'Sign in',
    oidc: 'Sign in with the city’s account ({name})',
    oidcDefaultName: 'single sign-on',
    or: 'or',
    failed: 'Incorrect email address or password.',
    retryInSeconds: 'Too many attempts with a wrong password. Try again in {seconds} s.',
    retryInMinutes: 'Too many attempts with a wrong password. Try again in {minutes} min.',
    ssoRefused:
      'Signing in with the city’s account did not succeed: the account is deactivated, the city did not confirm its email address as verified, or an account already holding roles uses this address. Such an account is never linked automatically: ask the administrator to allow linking it to the city’s account, from the account’s page, then sign in again.',
    noRole: 'Your account has no role yet: ask the administrator to grant you one.',
    signedOut: 'You are signed out.',
  },
};

export default signIn;
