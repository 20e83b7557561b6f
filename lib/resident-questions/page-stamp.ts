import { headers } from 'next/headers';
import { RENDER_HEADER } from '@/lib/page-cache';
import { signFormStamp, STAMP_PLACEHOLDER } from './anti-spam';

/**
 * The question form's fill-time stamp for a page that the page cache may keep (a decision
 * page): the placeholder when this render is the one the cache asked for (it signs a fresh
 * stamp into each answer, lib/page-cache.ts), a stamp signed now otherwise (a render for
 * one reader: signed-in staff, a client navigation, the cache turned off or failing).
 */
export async function formStampForPage(): Promise<string> {
  return (await headers()).has(RENDER_HEADER) ? STAMP_PLACEHOLDER : signFormStamp();
}
