import { jsonCommand } from '@/lib/actions';
import { COMMANDS } from '@/lib/workflow';
import { castVoteInput } from '../vote-input';

/**
 * A vote sent by the session page's script (StepForm's `sendTo`): the castVote command,
 * answered in JSON, so the member's page is not rendered again for each vote. Twenty
 * members voting at once made the post-and-reload round-trip cost 0.6 s; this one is the
 * command alone. Without script the form posts to castVoteAction, as before.
 */
export async function POST(request: Request): Promise<Response> {
  // An unreadable body is an empty form: the command refuses it field by field (422).
  const formData = await request.formData().catch(() => new FormData());
  return jsonCommand(COMMANDS.castVote, castVoteInput(formData), (_value, input, t) => ({ message: t('committee.flash.voted'), choice: input.choice }));
}
