import type { AppTranslator } from '@/lib/i18n/translate';
import type { QuestionFormLabels } from './question-form';

/** The question form's texts, the same on the decision page and on the question page. */
export function questionFormLabels(t: AppTranslator): QuestionFormLabels {
  return {
    kind: t('residentQuestions.ask.kind'),
    kindQuestion: t('residentQuestions.ask.kindQuestion'),
    kindConcern: t('residentQuestions.ask.kindConcern'),
    name: t('residentQuestions.ask.name'),
    nameHint: t('residentQuestions.ask.nameHint'),
    email: t('residentQuestions.ask.email'),
    emailHint: t('residentQuestions.ask.emailHint'),
    body: t('residentQuestions.ask.body'),
    bodyHint: t('residentQuestions.ask.bodyHint'),
    honeypot: t('residentQuestions.ask.honeypot'),
    submit: t('residentQuestions.ask.submit'),
    required: t('common.required'),
    summaryTitle: t('errors.invalid'),
  };
}
