'use server';

import { revalidatePath } from 'next/cache';
import { buttonAction } from '@/lib/actions';
import { formString } from '@/lib/forms';
import { COMMANDS } from '@/lib/workflow';

const LIST = '/espace/avis';

const markRead = buttonAction(COMMANDS.markNoticeRead, (formData) => ({ noticeId: formString(formData, 'noticeId') }), { back: () => LIST, ok: () => 'read' });
const markAllRead = buttonAction(COMMANDS.markAllNoticesRead, (formData) => ({ newestId: formString(formData, 'newestId') }), { back: () => LIST, ok: () => 'all' });

// The staff layout shows the unread count in its menu: it is drawn again after either button.
export async function markNoticeReadAction(formData: FormData): Promise<void> {
  revalidatePath('/espace', 'layout');
  await markRead(formData);
}

export async function markAllNoticesReadAction(formData: FormData): Promise<void> {
  revalidatePath('/espace', 'layout');
  await markAllRead(formData);
}
