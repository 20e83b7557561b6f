import type fr from '../fr/users';
import type { Shape } from '../shape';

/** Accounts and roles (administration). */
const users: Shape<typeof fr> = {
  users: {
    title: 'Accounts and roles',
    listCaption: 'Staff accounts ({count})',
    name: 'Name',
    email: 'Email address',
    roles: 'Roles',
    status: 'Status',
    active: 'Active',
    inactive: 'Deactivated',
    actions: 'Actions',
    manage: 'Manage {name}',
    none: 'none',
    createTitle: 'Create an account',
    password: 'Initial password',
    passwordHint: 'At least 12 characters. Give it to the person through a safe channel.',
    create: 'Create the account',
    created: 'The account of {name} has been created.',
    rolesLegend: 'Roles granted',
    detailTitle: 'Account of {name}',
    grant: 'Grant the “{role}” role',
    revoke: 'Revoke the “{role}” role',
    granted: 'Role granted.',
    revoked: 'Role revoked.',
    resetTitle: 'Reset the password',
    newPassword: 'New password',
    reset: 'Reset',
    resetDone: 'The password has been reset.',
    deactivate: 'Deactivate the account',
    reactivate: 'Reactivate the account',
    deactivated: 'The account has been deactivated: the person can no longer sign in and their current session is closed.',
    reactivated: 'The account has been reactivated.',
    statusTitle: 'Access',
    ssoTitle: 'City account',
    sso: {
      linked: 'This account is linked to the city’s account: the person can sign in through single sign-on.',
      allowed: 'The next sign-in through the city’s account, with this email address, will link this account.',
      none: 'This account is not linked to the city’s account. An account holding roles is never linked automatically: allow it if the person is to sign in through single sign-on.',
    },
    allowSsoLink: 'Allow linking to the city’s account at the next sign-in',
    ssoLinkAllowed: 'The next sign-in of {name} through the city’s account will link this account.',
    history: 'History',
    historyEmpty: 'No event.',
    backToList: 'Back to the list of accounts',
  },
  roles: {
    technician: 'City technician',
    diagnostician: 'Crime-prevention officer',
    member: 'Ethics committee member',
    chair: 'Committee chair',
    admin: 'Administrator',
  },
};

export default users;
