import type { Permission } from '@/lib/auth/permissions';
import type { MessageKey } from '@/lib/i18n/translate';

/**
 * The staff area's menu: each entry appears only to the roles its permission names.
 * Labels get `{ count }`, the person's unread notices (only the notices entry says it).
 */
export const STAFF_NAV: { href: string; label: MessageKey; permission: Permission }[] = [
  { href: '/espace', label: 'staff.nav.dashboard', permission: 'staff.access' },
  { href: '/espace/avis', label: 'notices.nav', permission: 'notices.read' },
  { href: '/espace/propositions', label: 'staff.nav.proposals', permission: 'proposals.read' },
  { href: '/espace/seances', label: 'staff.nav.sessions', permission: 'committee.member' },
  { href: '/espace/questions', label: 'residentQuestions.staff.navModerate', permission: 'questions.moderate' },
  { href: '/espace/questions/reponses', label: 'residentQuestions.staff.navAnswer', permission: 'questions.answer' },
  { href: '/espace/observatoire', label: 'observatory.nav', permission: 'observatory.manage' },
  { href: '/espace/admin/comptes', label: 'staff.nav.users', permission: 'users.manage' },
  { href: '/espace/admin/sites', label: 'staff.nav.sites', permission: 'sites.manage' },
  { href: '/espace/admin/comite', label: 'staff.nav.committeeSettings', permission: 'committee.settings' },
  { href: '/espace/admin/taches', label: 'jobs.nav', permission: 'jobs.read' },
  { href: '/espace/compte', label: 'staff.nav.account', permission: 'account.changePassword' },
];
