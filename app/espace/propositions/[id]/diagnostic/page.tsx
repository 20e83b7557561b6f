import type { Metadata } from 'next';
import Link from 'next/link';
import { FlashAlerts } from '@/app/_components/flash-alerts';
import { can } from '@/lib/auth/permissions';
import { requirePermission } from '@/lib/auth/session';
import { getTranslations } from 'next-intl/server';
import { ClientMessages } from '@/app/_components/client-messages';
import { getDb } from '@/db/client';
import { documentSummaries } from '@/db/queries/stored-files';
import { diagnosticEditRefusal } from '@/lib/domain/proposal-rules';
import { loadProposal } from '../load';
import { DiagnosticForm } from './diagnostic-form';
import { DiagnosticView } from './diagnostic-view';
import { DiagnosticObservatoryPanel } from './observatory-panel';

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const [{ id }, actor, t] = await Promise.all([params, requirePermission('proposals.read'), getTranslations()]);
  const p = await loadProposal(actor, id);
  return { title: t('diagnostic.pageTitle', { reference: p.reference }) };
}

export default async function DiagnosticPage({ params, searchParams }: Props) {
  const actor = await requirePermission('proposals.read');
  const [{ id }, query, t] = await Promise.all([params, searchParams, getTranslations()]);
  const file = await loadProposal(actor, id);
  const [latest, ...previous] = file.diagnostics;
  const editable = latest !== undefined && diagnosticEditRefusal(file.proposal.state, latest) === null && can(actor.roles, 'diagnostics.conduct');
  // The impact assessments these versions attach (the reader may see the versions, so their documents too).
  const documents = await documentSummaries(getDb(), file.diagnostics.map((d) => d.dpiaDocumentId));
  const documentOf = (d: { dpiaDocumentId: string | null }) => (d.dpiaDocumentId ? (documents.get(d.dpiaDocumentId) ?? null) : null);

  return (
    <>
      <p>
        <Link href={`/espace/propositions/${id}`}>{t('proposals.backToProposal')}</Link>
      </p>
      <h1>{t('diagnostic.pageTitle', { reference: `${file.reference} – ${file.proposal.title}` })}</h1>
      <p>{t('diagnostic.intro')}</p>
      <FlashAlerts query={query} successes={{ started: 'diagnostic.started', revised: 'diagnostic.revised', facts_filled: 'observatory.diagnostic.filled', dpia_attached: 'diagnostic.dpia.attachedFlash' }} />
      {!latest ? <p>{t('diagnostic.none')}</p> : null}
      {editable || file.proposal.kind === 're_review' ? <DiagnosticObservatoryPanel proposalId={id} siteId={file.proposal.siteId} kind={file.proposal.kind} diagnostic={editable && latest ? { id: latest.id, revision: latest.revision } : null} /> : null}
      {latest && editable ? (
        // The form translates in the browser: only the namespaces it uses travel there.
        <ClientMessages namespaces={['common', 'diagnostic', 'validation', 'observatory']}>
        <DiagnosticForm
          diagnosticId={latest.id}
          revision={latest.revision}
          version={latest.version}
          kind={file.proposal.kind}
          dpiaDocument={documentOf(latest)}
          defaultValues={{
            delinquencyFacts: latest.delinquencyFacts.map((f) => ({ type: f.type, year: f.year === null ? '' : String(f.year), count: f.count === null ? '' : String(f.count) })),
            siteDescription: latest.siteDescription,
            actorsConsulted: latest.actorsConsulted,
            alternatives: latest.alternatives,
            proportionality: latest.proportionality,
            privacyRisks: latest.privacyRisks,
            expectedEffect: latest.expectedEffect,
            costAssessment: latest.costAssessment,
            dpiaStatus: latest.dpiaStatus ?? '',
            dpoOpinionOn: latest.dpoOpinionOn ?? '',
            dpoOpinion: latest.dpoOpinion ?? '',
            dpiaNotRequiredReason: latest.dpiaNotRequiredReason ?? '',
            publicSummary: latest.publicSummary,
            conclusion: latest.conclusion ?? '',
            conditions: latest.conditions,
            evaluationComparison: latest.evaluationComparison,
          }}
        />
        </ClientMessages>
      ) : null}
      {latest && !editable ? <DiagnosticView d={latest} signerName={latest.signerName} dpiaDocument={documentOf(latest)} /> : null}
      {previous.length ? (
        <section aria-labelledby="versions-title">
          <h2 id="versions-title">{t('diagnostic.versions')}</h2>
          {previous.map((d) => (
            <details key={d.id} className="card">
              <summary>{t('diagnostic.version', { version: d.version })}</summary>
              <DiagnosticView d={d} signerName={d.signerName} dpiaDocument={documentOf(d)} />
            </details>
          ))}
        </section>
      ) : null}
    </>
  );
}
