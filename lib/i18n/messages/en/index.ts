import common from './common';
import home from './home';
import signIn from './sign-in';
import staff from './staff';
import users from './users';
import audit from './audit';
import errors from './errors';
import validation from './validation';
import proposals from './proposals';
import diagnostics from './diagnostics';
import sites from './sites';
import committee from './committee';
import notices from './notices';
import register from './register';
// Open data (/api/v1).
import openData from './open-data';
// The map, the annual report, the legal pages and the footer's legal links.
import publicPages from './public-pages';
import legalPages from './legal-pages';
// The register's pages and the chair's publishing steps.
import publicRegister from './public-register';
// The scheduled jobs' page (lib/jobs).
import jobs from './jobs';
// After the vote: cameras in service, decommissioning, linked files.
import cameras from './cameras';
// Residents' questions on decisions.
import residentQuestions from './resident-questions';
// After the vote: the prefect's authorisation and the conditions' follow-up.
import followUp from './follow-up';
// The delinquency observatory (issue 10, item 5).
import observatory from './observatory';

/** The English catalog, assembled from one file per feature. */
const en = {
  ...common,
  ...home,
  ...signIn,
  ...staff,
  ...users,
  ...audit,
  ...errors,
  ...validation,
  ...proposals,
  ...diagnostics,
  ...sites,
  ...committee,
  ...notices,
  ...register,
  ...openData,
  ...publicPages,
  ...legalPages,
  ...publicRegister,
  ...jobs,
  ...cameras,
  ...residentQuestions,
  ...followUp,
  ...observatory,
};

export default en;
