import type { SearchParams } from '@/lib/flash';
import { Deliberation } from './deliberation';
import { InfoRequests } from './questions';

/**
 * The committee's review on the file page: its questions to the technician and their
 * answers (for every reader of the file), then its internal deliberation (for committee
 * members only). Each section loads its own data and shows nothing to who may not see it.
 */
export function ReviewSections({ proposalId, query }: { proposalId: string; query: SearchParams }) {
  return (
    <>
      <InfoRequests proposalId={proposalId} query={query} />
      <Deliberation proposalId={proposalId} query={query} />
    </>
  );
}
