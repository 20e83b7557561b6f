import 'server-only';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { getDb } from '@/db/client';
import { getProposal } from '@/db/queries/proposals';
import type { Actor } from '@/lib/auth/actor';
import { canViewDiagnostic } from '@/lib/auth/visibility';
import { isConcludedAndSigned } from '@/lib/domain/proposal-rules';
import { uuid } from '@/lib/validation/fields';

/** The file for this reader, or the 404 page (also for a file they may not see). */
export const loadProposal = cache(async (actor: Actor, id: string) => {
  const found = uuid.safeParse(id).success ? await getProposal(getDb(), actor, id) : null;
  if (!found) notFound();
  return {
    ...found,
    /** The gate's fact, whoever reads (the latest version, before filtering what this reader sees). */
    hasConcludedDiagnostic: isConcludedAndSigned(found.diagnostics[0]),
    diagnostics: found.diagnostics.filter((d) => canViewDiagnostic(actor, d)),
  };
});
