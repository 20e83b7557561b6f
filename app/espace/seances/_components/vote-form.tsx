'use client';

import { useState, type ComponentProps } from 'react';
import type { VOTE_CHOICES } from '@/lib/domain/committee';
import { StepForm } from './step-form';

type Choice = (typeof VOTE_CHOICES)[number];

/**
 * A member's vote (or the vote they cast by proxy): what is recorded, then the form. With
 * script the vote goes to the vote route and only this part changes (the page is not
 * rendered again); without script the form posts to the action and the page comes back.
 * `said` holds the sentence for each recorded choice, and for none yet, already translated.
 */
export function VoteForm({
  choice,
  said,
  submit,
  ...form
}: Omit<ComponentProps<typeof StepForm>, 'submit' | 'sendTo' | 'onSent' | 'onFallback'> & {
  choice: Choice | null;
  said: Record<Choice | 'none', string>;
  submit: { cast: string; change: string };
}) {
  // What the vote route said last; the server's `choice` again once the form went through the action.
  const [sent, setSent] = useState<Choice | null>(null);
  const recorded = sent ?? choice;
  return (
    <>
      <p>{said[recorded ?? 'none']}</p>
      <StepForm
        {...form}
        submit={recorded ? submit.change : submit.cast}
        sendTo="/espace/seances/vote"
        onSent={(answer) => setSent(answer.choice as Choice)}
        onFallback={() => setSent(null)}
      />
    </>
  );
}
