import type fr from '../fr/common';
import type { Shape } from '../shape';

/** The frame of every page: metadata, header, footer, shared words, error pages. */
const common: Shape<typeof fr> = {
  /** The heading of a form's error summary: given to every form (ClientMessages always adds it). */
  errorSummary: {
    title: '{count, plural, one {There is # error in this form} other {There are # errors in this form}}',
  },
  meta: {
    title: 'Vigie – Video-surveillance ethics committee',
    description: 'Public register of the opinions of the Puteaux video-surveillance ethics committee on cameras planned on social-housing sites.',
  },
  common: {
    appName: 'Vigie',
    city: 'City of Puteaux',
    skipLink: 'Skip to content',
    mainNav: 'Main navigation',
    staffNav: 'Staff area navigation',
    language: 'Language',
    languageSwitch: 'Change language',
    languageNames: {
      fr: 'Français',
      en: 'English',
    },
    save: 'Save',
    choose: 'Choose…',
    cancel: 'Cancel',
    back: 'Back',
    yes: 'Yes',
    no: 'No',
    required: 'required',
    requiredFieldsNote: 'Fields marked with an asterisk (*) are required.',
    pagination: 'Pagination',
    previousPage: 'Previous page',
    nextPage: 'Next page',
    pageOf: 'Page {page} of {pages}',
  },
  header: {
    home: 'Home',
    staffArea: 'Staff area',
    signIn: 'Sign in',
    signOut: 'Sign out',
    signedInAs: 'Signed in: {name}',
  },
  footer: {
    about: 'Vigie is the tool of the city’s video-surveillance ethics committee.',
    health: 'Service status',
    language: 'Language:',
    openSource: 'Free software serving residents.',
  },
  pages: {
    forbiddenTitle: 'Access denied',
    forbiddenText: 'Your account does not have the role needed for this page. If you think this is a mistake, contact the administrator.',
    forbiddenBack: 'Back to the dashboard',
    notFoundTitle: 'Page not found',
    notFoundText: 'The page you asked for does not exist or has moved.',
    notFoundBack: 'Back to home',
    staffNotFoundText: 'This page of the staff area does not exist, or the file you asked for does not exist or is not open to you.',
    staffNotFoundBack: 'Back to the dashboard',
    statusTitle: 'Service status',
    statusOk: 'The service is working normally: the database answers.',
    statusDown: 'The service is currently unavailable: the database does not answer. Try again in a few minutes.',
    statusCheckedAt: 'Checked on {date}.',
    statusMonitoring: 'For technical monitoring, /api/health gives the same status as JSON.',
    errorTitle: 'Something went wrong',
    errorText: 'The service could not process your request. Try again in a moment.',
    errorRetry: 'Try again',
  },
};

export default common;
