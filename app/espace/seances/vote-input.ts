import { formString } from '@/lib/forms';

/** What a vote form posts, read alike by the server action (without script) and by the vote route (with it). */
export function castVoteInput(formData: FormData) {
  return { itemId: formString(formData, 'itemId'), choice: formString(formData, 'choice'), forMemberId: formString(formData, 'forMemberId') };
}
