import type fr from '../fr/staff';
import type { Shape } from '../shape';

/** The staff dashboard, its queues and the own-account page. */
const staff: Shape<typeof fr> = {
  staff: {
    dashboardTitle: 'Dashboard',
    welcome: 'Hello {name}.',
    yourRoles: 'Your roles',
    noRoles: 'You have no role yet. The administrator can grant you one.',
    whatYouCanDo: 'What you can do here',
    nav: {
      dashboard: 'Dashboard',
      account: 'My account',
      users: 'Accounts and roles',
      proposals: 'Proposals',
      sites: 'Housing sites',
      committeeSettings: 'Committee rules',
      sessions: 'Sessions',
    },
    roleTasks: {
      technician: 'File and follow camera-siting proposals.',
      diagnostician: 'Carry out and sign preliminary diagnostics.',
      member: 'Read files, deliberate and vote.',
      chair: 'Schedule sessions, open and close votes, publish opinions.',
      admin: 'Manage accounts, roles and the register of housing sites.',
    },
  },
  queues: {
    title: 'To do',
    technician: 'My drafts and files to complete',
    diagnostician: 'Diagnostics to carry out',
    committee: 'Files ready for the committee',
    review: 'Files under committee review',
    empty: 'Nothing waiting.',
    seeAll: 'See all proposals',
  },
  account: {
    title: 'My account',
    profile: 'Profile',
    name: 'Name',
    email: 'Email address',
    changePassword: 'Change my password',
    currentPassword: 'Current password',
    newPassword: 'New password',
    newPasswordHint: 'At least 12 characters.',
    confirmPassword: 'Confirm the new password',
    passwordChanged: 'Your password has been changed.',
  },
};

export default staff;
