import { archiveSite, createSite, restoreSite, updateSite } from './sites';
import { attachDpiaDocument, concludeDiagnostic, fillFactsFromObservatory, reviseDiagnostic, saveDiagnostic, startDiagnostic } from './diagnostics';
import { enterObservatoryFigures, importObservatoryFigures } from './observatory';
import { createProposal, saveProposalDraft, scheduleReview, submitProposal, withdrawProposal } from './proposals';
import {
  addToAgenda,
  closeSession,
  conveneSession,
  declareConflict,
  holdSession,
  planSession,
  proposeConditions,
  recordConflict,
  removeFromAgenda,
  setRapporteur,
  signMinutes,
  updateCommitteeSettings,
} from './committee';
import { adjournItem, attachDissent, castVote, closeItemVote, openItemVote, returnAdjournedFile, signDecision } from './votes';
import { markAllNoticesRead, markNoticeRead } from './notices';
import { correctRegisterEntry, publishDecision } from './register';
import { commissionCameras, decommissionCamera, proposeChange } from './cameras';
import { answerInfo, postDeliberation, requestInfo } from './review';
import { answerResidentQuestion, approveResidentQuestion, assignResidentQuestion, rejectResidentQuestion } from './resident-questions';
import { recordAcknowledgement, recordAuthorisationFiling, recordCdvpOpinion, recordCommissioningNotice, recordPrefectDecision } from './authorisations';
import { recordLandlordDecision } from './landlord-decisions';
import { markCondition } from './conditions';
import { allowSsoLink, changeOwnPassword, createUser, grantRole, resetPassword, revokeRole, setUserActive } from './users';

/**
 * Every command of the app, in one place: the authorization-matrix test runs each one
 * against every role, so a new command cannot slip in unchecked.
 */
export const COMMANDS = {
  createUser,
  grantRole,
  revokeRole,
  resetPassword,
  setUserActive,
  allowSsoLink,
  changeOwnPassword,
  createSite,
  updateSite,
  archiveSite,
  restoreSite,
  createProposal,
  saveProposalDraft,
  submitProposal,
  withdrawProposal,
  startDiagnostic,
  saveDiagnostic,
  concludeDiagnostic,
  reviseDiagnostic,
  attachDpiaDocument,
  scheduleReview,
  updateCommitteeSettings,
  planSession,
  addToAgenda,
  removeFromAgenda,
  setRapporteur,
  proposeConditions,
  conveneSession,
  holdSession,
  closeSession,
  declareConflict,
  recordConflict,
  openItemVote,
  castVote,
  closeItemVote,
  adjournItem,
  returnAdjournedFile,
  signDecision,
  attachDissent,
  markNoticeRead,
  markAllNoticesRead,
  postDeliberation,
  requestInfo,
  answerInfo,
  signMinutes,
  publishDecision,
  correctRegisterEntry,
  commissionCameras,
  decommissionCamera,
  proposeChange,
  approveResidentQuestion,
  rejectResidentQuestion,
  assignResidentQuestion,
  answerResidentQuestion,
  recordAuthorisationFiling,
  recordCdvpOpinion,
  recordPrefectDecision,
  recordAcknowledgement,
  recordCommissioningNotice,
  recordLandlordDecision,
  markCondition,
  importObservatoryFigures,
  enterObservatoryFigures,
  fillFactsFromObservatory,
} as const;

export { runCommand, type CommandResult } from './command';
