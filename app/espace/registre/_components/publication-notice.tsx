import Link from 'next/link';
import type { ReactNode } from 'react';
import { getTranslations } from 'next-intl/server';
import type { Publication } from '@/db/queries/publications';

/**
 * "Published in the register as CE-…": shown to everyone on the session and file pages,
 * with the latest version when it has been corrected, and for the chair the way to
 * correct or revoke that latest version (a revocation is final).
 */
export async function PublicationNotice({ publication, canCorrect }: { publication: Publication; canCorrect: boolean }) {
  const t = await getTranslations();
  const { reference, latest } = publication;
  const link = (ref: string) =>
    function EntryLink(chunks: ReactNode) {
      return <Link href={`/registre/${ref}`}>{chunks}</Link>;
    };
  return (
    <div className="notice publication-notice">
      <p>
        <strong>{t.rich('publicRegister.staff.published', { reference, link: link(reference) })}</strong>
      </p>
      {latest.reference !== reference ? (
        <p>{t.rich('publicRegister.staff.latest', { reference: latest.reference, kind: t(`publicRegister.kinds.${latest.kind}`), link: link(latest.reference) })}</p>
      ) : null}
      {canCorrect && latest.kind !== 'revocation' ? (
        <p>
          <Link href={`/espace/registre/${latest.reference}/corriger`}>{t('publicRegister.staff.correctLink', { reference: latest.reference })}</Link>
        </p>
      ) : null}
    </div>
  );
}
