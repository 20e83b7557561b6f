import { z } from 'zod';
import { uuid } from './fields';

export const markNoticeReadSchema = z.object({ noticeId: uuid });

/**
 * "Mark all as read" marks what the page showed: the notices received up to the newest
 * one it listed (`newestId`), never one that arrived while the person was reading.
 */
export const markAllNoticesReadSchema = z.object({ newestId: uuid });
