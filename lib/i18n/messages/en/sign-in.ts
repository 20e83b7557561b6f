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
    rateLimited: 'Too many sign-in attempts. Try again in a few minutes.',
    ssoRefused: 'Signing in with the city’s account did not succeed: the account is deactivated, or its email address is not verified. Contact the administrator.',
    noRole: 'Your account has no role yet: ask the administrator to grant you one.',
    signedOut: 'You are signed out.',
  },
};

export default signIn;
