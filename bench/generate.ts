/**
 * The benchmark's data, generated deterministically: the same `decisions` and `seed` give
 * the same sites, files, votes and register entries (ids, texts, dates and hashes), so two
 * runs load the same database and their figures compare.
 *
 * Pure: no I/O. bench/seed.ts writes what this yields into a database.
 *
 * Shape (realistic for a large city's ethics committee over 20 years, scaled up):
 * - sites: one per 20 decisions (at least 8), each with a landlord among 12;
 * - per decision: one proposal (published), its concluded diagnostic, one agenda item in a
 *   closed session of 10 files, the votes of the 7 members present, the signed decision,
 *   and its register entry; one entry in 100 also gets a correction entry;
 * - texts of the lengths the demo's real ones have: reasons ~400–900 characters, public
 *   summaries ~150–300, diagnostic summaries ~200–400;
 * - publication dates spread from 2000 to 2019, oldest first, so references (CE-<year>-<n>)
 *   never meet the demo's (which publishes from six years ago on).
 */
import { GENESIS_HASH, registerReference, seal, type RegisterEntry } from '@/lib/domain/register';
import type { PublishedOutcome } from '@/lib/domain/vocabulary';

/** mulberry32: a small, fast, seeded PRNG (uniform in [0, 1)). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A version-4-shaped UUID drawn from `rand` (deterministic). */
export function uuidFrom(rand: () => number): string {
  const hex: string[] = [];
  for (let i = 0; i < 32; i++) hex.push(Math.floor(rand() * 16).toString(16));
  hex[12] = '4';
  hex[16] = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  const s = hex.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}

const pick = <T>(rand: () => number, list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;

const LANDLORDS = [
  'Puteaux Habitat (OPH)',
  'Seine-Ouest Logement',
  'Hauts-de-Seine Habitat',
  'Paris Habitat',
  'Immobilière 3F',
  'CDC Habitat',
  'Logirep',
  'Batigère',
  'Vilogia',
  'Emmaüs Habitat',
  'ICF Habitat La Sablière',
  'France Habitation',
];
const SITE_KINDS = ['Résidence', 'Cité', 'Les Jardins de', 'Les Terrasses de', 'Square', 'Le Clos', 'Les Hauts de', 'Villa'];
const NAMES = [
  'Pasteur', 'Rousseau', 'Molière', 'Colbert', 'Lamartine', 'Cézanne', 'Renoir', 'Daumier',
  'Berlioz', 'Ravel', 'Debussy', 'Fauré', 'Chopin', 'Verlaine', 'Rimbaud', 'Apollinaire', 'Eluard', 'Aragon', 'Prévert', 'Colette', 'Sand', 'Curie',
  'Lavoisier', 'Ampère', 'Pascal', 'Descartes', 'Montaigne', 'Rabelais', 'Hugo', 'Zola', 'Balzac', 'Flaubert', 'Stendhal', 'Proust', 'Camus', 'Gide',
  'Marronniers', 'Tilleuls', 'Acacias', 'Peupliers', 'Platanes', 'Glycines', 'Lilas', 'Iris', 'Rosiers', 'Charmilles', 'Vergers', 'Coteaux', 'Sources',
];
const STREETS = ['rue', 'avenue', 'boulevard', 'allée', 'place', 'quai', 'impasse', 'chemin'];
const STREET_NAMES = ['de la République', 'Jean-Jaurès', 'Victor-Hugo', 'du Marché', 'des Écoles', 'de la Gare', 'du Château', 'Gambetta', 'Pasteur', 'de Verdun', 'des Lilas', 'de la Paix', 'Carnot', 'Anatole-France', 'de Dion-Bouton', 'Eichenberger'];
const TOWNS = ['92800 Puteaux', '92400 Courbevoie', '92000 Nanterre', '92150 Suresnes', '92250 La Garenne-Colombes'];
const PLACES = ['le hall du bâtiment A', 'le parking extérieur', 'le local vélos', 'l’aire de jeux', 'le passage couvert', 'l’entrée principale', 'le local des poubelles', 'la cour intérieure', 'le parking souterrain', 'les boîtes aux lettres', 'le parvis', 'la rampe d’accès'];
const FACTS = [
  'des dégradations répétées des boîtes aux lettres',
  'un trafic de stupéfiants signalé par le bailleur',
  'des vols dans les véhicules, vingt-trois plaintes en un an',
  'des dépôts sauvages nettoyés chaque semaine',
  'des regroupements nocturnes et des nuisances sonores',
  'des agressions signalées par l’amicale des locataires',
  'des incendies de poubelles à plusieurs reprises',
  'des intrusions dans les caves',
];
const ALTERNATIVES = [
  'L’éclairage renforcé n’a eu d’effet que la nuit.',
  'La médiation deux soirs par semaine n’a pas suffi en journée.',
  'La porte à badge a été bloquée ouverte à plusieurs reprises.',
  'Le réaménagement du parvis n’est pas financé.',
  'Les correspondants de nuit ne couvrent pas ce secteur.',
  'Le changement de serrure n’a pas empêché les vols.',
];
const MEASURES = [
  'Les fenêtres des logements visibles sont masquées de façon fixe.',
  'Aucune caméra ne filme la voie publique au-delà du parvis.',
  'Les images sont consultées par trois opérateurs habilités seulement.',
  'Un bilan contradictoire est prévu après un an avec l’amicale des locataires.',
  'L’information du public est affichée à chaque entrée.',
  'La durée de conservation est limitée au strict nécessaire.',
];
const CONDITION_TEXTS = [
  { kind: 'masking', text: 'Masquer les fenêtres des logements du rez-de-chaussée visibles depuis la caméra.' },
  { kind: 're_review', text: 'Bilan au comité un an après la mise en service.' },
  { kind: 'signage', text: 'Afficher l’information du public à chaque entrée de la résidence.' },
  { kind: 'retention', text: 'Ramener la conservation des images à quinze jours.' },
  { kind: 'placement', text: 'Orienter la caméra vers le seul parvis, sans vue sur la rue.' },
] as const;
const PURPOSES = ['assault_theft_drug_trafficking_prevention', 'fly_tipping', 'public_buildings_protection', 'traffic_regulation'] as const;

/** Sentences drawn from `pool` until at least `min` characters. */
function text(rand: () => number, pool: readonly string[], min: number, lead = ''): string {
  let out = lead;
  while (out.length < min) out += (out ? ' ' : '') + pick(rand, pool);
  return out;
}

export interface BenchSite {
  id: string;
  name: string;
  address: string;
  landlord: string;
  dwellings: number;
  latitude: number;
  longitude: number;
}

/** The accounts the generated past belongs to: former staff (no role today, inactive). */
export interface BenchStaff {
  technician: string;
  officer: string;
  chair: string;
  members: string[];
}

export interface BenchSession {
  id: string;
  heldAt: Date;
}

export interface BenchFile {
  proposalId: string;
  diagnosticId: string;
  itemId: string;
  decisionId: string;
  sessionId: string;
  position: number;
  site: BenchSite;
  title: string;
  purposes: string[];
  retentionDays: number;
  investmentEuros: number;
  yearlyCostEuros: number;
  justification: string;
  votes: { memberId: string; choice: 'for' | 'against' | 'abstain' }[];
  decidedAt: Date;
  publishedAt: Date;
  entry: RegisterEntry;
  /** A correction entry published right after this file's (one in 100), or null. */
  correction: RegisterEntry | null;
}

export interface BenchDataset {
  staff: BenchStaff;
  sites: BenchSite[];
  /** The closed sessions, one per 10 files, in order. */
  sessions: BenchSession[];
  /** Yields the files in register order, batch after batch (memory stays flat at 100,000). */
  files(batchSize: number): Generator<BenchFile[]>;
}

export const BENCH_FROM = Date.UTC(2000, 0, 4, 17);
export const BENCH_TO = Date.UTC(2019, 11, 15, 17);
const DAY = 86_400_000;
export const FILES_PER_SESSION = 10;

/** The words the bench's filtered searches use (each in many entries, some in few). */
export const SEARCH_WORDS = ['parking', 'hall', 'vélos', 'poubelles', 'trafic', 'éclairage', 'médiation', 'masquage', 'fenêtres', 'agressions', 'caves', 'incendies', 'parvis', 'Voltaire', 'Lilas', 'Curie', 'Zola', 'badge', 'amicale', 'intrusions'];

export function generateDataset(decisions: number, seed = 2026): BenchDataset {
  if (!Number.isInteger(decisions) || decisions < 1) throw new Error('decisions must be a positive integer');
  const rand = prng(seed);
  const id = () => uuidFrom(rand);
  const staff: BenchStaff = { technician: id(), officer: id(), chair: id(), members: Array.from({ length: 7 }, id) };
  const siteCount = Math.max(8, Math.round(decisions / 20));
  const sites: BenchSite[] = Array.from({ length: siteCount }, (_, i) => ({
    id: id(),
    // Unique names (the observatory's import finds a site by its name).
    name: `${pick(rand, SITE_KINDS)} ${NAMES[i % NAMES.length]}${i >= NAMES.length ? ` ${Math.floor(i / NAMES.length) + 1}` : ''}`,
    address: `${1 + Math.floor(rand() * 120)} ${pick(rand, STREETS)} ${pick(rand, STREET_NAMES)}, ${pick(rand, TOWNS)}`,
    landlord: pick(rand, LANDLORDS),
    dwellings: 20 + Math.floor(rand() * 400),
    latitude: Math.round((48.86 + rand() * 0.04) * 1e5) / 1e5,
    longitude: Math.round((2.2 + rand() * 0.06) * 1e5) / 1e5,
  }));
  const step = (BENCH_TO - BENCH_FROM) / decisions;
  const sessions: BenchSession[] = [];
  for (let s = 0; s * FILES_PER_SESSION < decisions; s++) sessions.push({ id: id(), heldAt: new Date(BENCH_FROM + Math.floor(s * FILES_PER_SESSION * step)) });

  function* files(batchSize: number): Generator<BenchFile[]> {
    // Its own stream, so that files() may be walked twice with the same result.
    const r = prng(seed ^ 0x5eed);
    const fid = () => uuidFrom(r);
    let sequence = 0;
    let previousHash = GENESIS_HASH;
    let year = 0;
    let numberInYear = 0;
    const nextPlace = (at: Date) => {
      const y = at.getUTCFullYear();
      numberInYear = y === year ? numberInYear + 1 : 1;
      year = y;
      sequence++;
      return registerReference(y, numberInYear);
    };
    let batch: BenchFile[] = [];
    for (let i = 0; i < decisions; i++) {
      const session = sessions[Math.floor(i / FILES_PER_SESSION)]!;
      const site = sites[Math.floor(r() * sites.length)]!;
      const place = pick(r, PLACES);
      const fact = pick(r, FACTS);
      const roll = r();
      const outcome: PublishedOutcome = roll < 0.45 ? 'favourable' : roll < 0.8 ? 'favourable_with_conditions' : 'unfavourable';
      const decidedAt = session.heldAt;
      // Published a week after the session; files of one session a minute apart, in order.
      const publishedAt = new Date(decidedAt.getTime() + 7 * DAY + (i % FILES_PER_SESSION) * 60_000);
      const votes = staff.members.map((memberId, m) => {
        const majority = outcome === 'unfavourable' ? 'against' : 'for';
        const minority = outcome === 'unfavourable' ? 'for' : 'against';
        const choice: 'for' | 'against' | 'abstain' = m < 4 ? majority : ((['abstain', minority, majority] as const)[Math.floor(r() * 3)] ?? majority);
        return { memberId, choice };
      });
      const count = (c: string) => votes.filter((v) => v.choice === c).length;
      const cameraCount = 1 + Math.floor(r() * 4);
      const masked = r() < 0.4 ? 1 + Math.floor(r() * cameraCount) : 0;
      const conditions =
        outcome === 'favourable_with_conditions'
          ? Array.from({ length: 1 + Math.floor(r() * 2) }, (_, k) => {
              const c = CONDITION_TEXTS[(Math.floor(r() * CONDITION_TEXTS.length) + k) % CONDITION_TEXTS.length]!;
              return { kind: c.kind, text: c.text, dueDate: k === 0 ? new Date(decidedAt.getTime() + 90 * DAY).toISOString().slice(0, 10) : null };
            })
          : [];
      const decidedDay = decidedAt.toISOString().slice(0, 10);
      const retentionDays = pick(r, [7, 10, 14, 15, 15, 20, 30]);
      const purposes = [pick(r, PURPOSES)];
      const reasons = text(
        r,
        [...ALTERNATIVES, ...MEASURES],
        400 + Math.floor(r() * 500),
        outcome === 'unfavourable'
          ? `Le comité constate ${fact} sur ${place} de la ${site.name}, mais d’autres solutions doivent d’abord être essayées.`
          : `Le comité constate ${fact} sur ${place} de la ${site.name} ; les alternatives ont été essayées.`,
      );
      const publicSummary = text(
        r,
        MEASURES,
        150 + Math.floor(r() * 150),
        `Avis ${outcome === 'unfavourable' ? 'défavorable' : outcome === 'favourable' ? 'favorable' : 'favorable sous conditions'} à ${cameraCount} caméra${cameraCount > 1 ? 's' : ''} sur ${place}.`,
      );
      const diagnosticSummary = text(r, ALTERNATIVES, 200 + Math.floor(r() * 200), `Diagnostic : ${fact} sur ${place}.`);
      const content = {
        decidedAt: decidedDay,
        site: { id: site.id, name: site.name, address: site.address, landlord: site.landlord, lat: site.latitude, lon: site.longitude },
        cameraCount,
        purposes,
        retentionDays,
        privacyMasking: masked > 0,
        maskedCameraCount: masked,
        investmentEuros: 5000 + Math.floor(r() * 60) * 500,
        yearlyCostEuros: 500 + Math.floor(r() * 40) * 100,
        diagnosticConclusion: outcome === 'unfavourable' ? ('not_opportune' as const) : outcome === 'favourable' ? ('opportune' as const) : ('opportune_with_conditions' as const),
        diagnosticSummary,
        outcome,
        conditions,
        reasons,
        publicSummary,
        votes: { for: count('for'), against: count('against'), abstain: count('abstain'), recused: 0 },
      };
      const entry = seal({ reference: nextPlace(publishedAt), sequence, kind: 'decision', corrects: null, note: null, publishedAt: publishedAt.toISOString(), ...content, previousHash });
      previousHash = entry.hash;
      let correction: RegisterEntry | null = null;
      if (i % 100 === 99) {
        const at = new Date(publishedAt.getTime() + 30_000);
        correction = seal({
          reference: nextPlace(at),
          sequence,
          kind: 'correction',
          corrects: entry.reference,
          note: 'Le résumé public mentionnait un nombre de caméras erroné.',
          publishedAt: at.toISOString(),
          ...content,
          publicSummary: `${publicSummary} (corrigé)`,
          previousHash,
        });
        previousHash = correction.hash;
      }
      batch.push({
        proposalId: fid(),
        diagnosticId: fid(),
        itemId: fid(),
        decisionId: fid(),
        sessionId: session.id,
        position: (i % FILES_PER_SESSION) + 1,
        site,
        title: `${place[0]!.toUpperCase()}${place.slice(1)}`,
        purposes,
        retentionDays,
        investmentEuros: content.investmentEuros,
        yearlyCostEuros: content.yearlyCostEuros,
        justification: text(r, ALTERNATIVES, 250, `Constat : ${fact}.`),
        votes,
        decidedAt,
        publishedAt,
        entry,
        correction,
      });
      if (batch.length === batchSize) {
        yield batch;
        batch = [];
      }
    }
    if (batch.length) yield batch;
  }

  return { staff, sites, sessions, files };
}
