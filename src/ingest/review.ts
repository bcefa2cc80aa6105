import { createHash } from 'node:crypto';
import { detect } from 'tinyld';
import type { CandidateRow, FlagRecord, KnownAgreement, KnownFact } from '../graph/repositories/candidates';
import { embassyStatus } from './claims';
import { disputes, proposalKey, type Proposal } from './extract';
import type { Entity } from './gazetteer';

/** What ingestArticle takes at most: a long feature article is ~30,000 characters. */
export const MAX_ARTICLE = 100_000;

/**
 * Why the extractor should not read a text, or null when it can: it reads English prose. tinyld
 * tells the language; text with few letters (tables, code, noise) is not prose.
 */
const FUNCTION_WORDS = new Set('the a an and or but of to in on at by for with from as is are was were will would has have had not that this it its their his her be been'.split(' '));

export function unreadable(text: string): string | null {
  const visible = text.replace(/\s+/g, '');
  const letters = (text.match(/\p{L}/gu) ?? []).length;
  if (visible.length > 0 && letters / visible.length < 0.6) return 'The text does not read as prose (too few letters); nothing was proposed.';
  const words = text.match(/\p{L}+/gu) ?? [];
  if (words.length < 3) return 'The text is too short to state a fact; nothing was proposed.';
  // tinyld misjudges short news English full of foreign names (as Dutch, Polish); English function
  // words settle it first.
  const english = words.filter((w) => FUNCTION_WORDS.has(w.toLowerCase())).length / words.length;
  if (english >= 0.08) return null;
  const language = detect(text.slice(0, 5_000));
  if (language && language !== 'en') return `The text looks like ${language}, not English; nothing was proposed (the extractor reads English).`;
  return null;
}

export function candidateId(sourceId: string, p: Proposal): string {
  return `cand-${createHash('sha256').update(`${sourceId}\u0000${proposalKey(p)}`).digest('hex').slice(0, 16)}`;
}

const entity = (e: Entity | null) => (e ? { kind: e.kind, id: e.id, name: e.name, known: e.known } : null);

/** The pair of graph ids the context query checks for a proposal (an embassy's host is its object). */
export function pairOf(p: Proposal): { subject: string; object: string } | null {
  return p.subject && p.object ? { subject: p.subject.id, object: p.object.id } : null;
}

const differs = (date: string | null, known: string | null) => !!date && !!known && date.slice(0, 4) !== known.slice(0, 4);

/**
 * Flags what the graph already says about a proposal: known, contradicted, dated otherwise, disputed, new people.
 * `article` is every proposal of the same article: a claim the article also reports denied is DISPUTED too, so that
 * whoever reviews the claim first (it is usually the surer one) knows the same article disputes it.
 */
export function flagsFor(p: Proposal, known: { facts: KnownFact[]; agreements: KnownAgreement[] }, article: Proposal[] = []): { flags: FlagRecord[]; knownFact: string | null } {
  const flags: FlagRecord[] = [];
  let knownFact: string | null = null;
  const s = p.subject?.id;
  const o = p.object?.id;
  const facts = known.facts.filter((f) => f.subject === s && f.object === o);
  const find = (type: string, directed = true) => facts.find((f) => f.type === type && (!directed || f.forward));
  const same = (f: KnownFact | undefined, what: string) => {
    if (!f) return;
    knownFact = f.id;
    flags.push({ kind: 'ALREADY_KNOWN', message: `The graph holds ${what} (${f.id}${f.validFrom ? `, since ${f.validFrom}` : ''}); accepting adds this article as a source.` });
    if (['RECOGNIZES', 'HAS_DIPLOMATIC_RELATIONS_WITH', 'OPENS_EMBASSY_IN'].includes(p.type) && differs(p.date, f.validFrom) && p.claim === 'DONE') flags.push({ kind: 'DATE_DIFFERS', message: `The graph dates it ${f.validFrom}; the article reads ${p.date}.` });
  };
  const names = `${p.subject?.name} and ${p.object?.name}`;
  switch (p.type) {
    case 'RECOGNIZES': {
      const recognitions = facts.filter((f) => f.type === 'RECOGNIZES' && f.forward);
      // the standing recognition, else an ended one the article's date falls within; a recognition
      // reported after the end of the one on file is a renewal (accepting records it beside the old one)
      const standing = recognitions.find((f) => !f.validTo);
      const during = recognitions.find((f) => f.validTo && p.date && p.date <= f.validTo);
      same(standing ?? during, `${p.subject?.name}'s recognition of ${p.object?.name}`);
      const ended = standing || during ? undefined : recognitions.filter((f) => f.validTo).sort((a, b) => b.validTo!.localeCompare(a.validTo!))[0];
      if (ended) flags.push({ kind: 'CONTRADICTS', message: `The graph has ${p.subject?.name}'s recognition of ${p.object?.name} ended (${ended.id}, on ${ended.validTo}); accepting records a renewed recognition.` });
      const refusal = find('DOES_NOT_RECOGNIZE');
      if (refusal) flags.push({ kind: 'CONTRADICTS', message: `The graph has ${p.subject?.name} refusing to recognize ${p.object?.name} (${refusal.id}).` });
      break;
    }
    case 'DOES_NOT_RECOGNIZE': {
      same(find('DOES_NOT_RECOGNIZE'), `${p.subject?.name}'s refusal to recognize ${p.object?.name}`);
      const recognition = facts.find((f) => f.type === 'RECOGNIZES' && f.forward && !f.validTo);
      if (recognition) flags.push({ kind: 'CONTRADICTS', message: `The graph has ${p.subject?.name} recognizing ${p.object?.name} (${recognition.id}${recognition.validFrom ? ` since ${recognition.validFrom}` : ''}).` });
      break;
    }
    case 'WITHDRAWAL_CLAIMED':
      same(find('WITHDRAWAL_CLAIMED'), `a claim that ${p.subject?.name} withdrew its recognition of ${p.object?.name}`);
      break;
    case 'HAS_DIPLOMATIC_RELATIONS_WITH': {
      const relations = find('HAS_DIPLOMATIC_RELATIONS_WITH', false) ?? known.facts.find((f) => f.type === 'HAS_DIPLOMATIC_RELATIONS_WITH' && f.subject === o && f.object === s);
      if (p.claim !== 'ENDED') same(relations, `diplomatic relations between ${names}`);
      else if (relations?.validTo) same(relations, `the end of diplomatic relations between ${names} (on ${relations.validTo})`);
      else if (relations) knownFact = relations.id;
      break;
    }
    case 'OPENS_EMBASSY_IN': {
      const status = embassyStatus(p.claim, p.role);
      same(
        facts.find((f) => f.type === 'OPENS_EMBASSY_IN' && f.city === p.city?.id && f.status === status),
        `${p.subject?.name}'s embassy event ${status} in ${p.city?.name}`,
      );
      break;
    }
    case 'HOLDS_OFFICE':
      same(facts.find((f) => f.type === 'HOLDS_OFFICE' && f.role?.toLowerCase() === p.role?.toLowerCase()) ?? find('HOLDS_OFFICE'), `${p.subject?.name} as ${p.role ?? 'office holder'} of ${p.object?.name}`);
      break;
    case 'SUPPORTS':
      same(find('SUPPORTS'), `${p.subject?.name} backing ${p.object?.name}`);
      break;
    case 'AGREEMENT': {
      const ids = p.parties.map((e) => e.id).sort().join('+');
      const matches = known.agreements.filter((a) => [...a.parties].sort().join('+') === ids).map((a) => a.agreement);
      const gap = (a: { date: string | null }) => (a.date && p.date ? Math.abs(Date.parse(a.date) - Date.parse(p.date)) : Infinity);
      const best = matches.find((a) => a.kind === p.kind) ?? [...matches].sort((a, b) => gap(a) - gap(b))[0];
      if (best) {
        knownFact = best.id;
        flags.push({ kind: 'ALREADY_KNOWN', message: `The graph holds "${best.title}" (${best.id}) between these parties; accepting adds the people named and this article as a source.` });
      }
      break;
    }
  }
  if (p.claim === 'DENIED') flags.push({ kind: 'DISPUTED', message: 'The article reports a denial: someone disputes this.' });
  else if (article.some((q) => disputes(p, q))) {
    const denial = article.find((q) => disputes(p, q))!;
    flags.push({ kind: 'DISPUTED', message: `The same article reports a denial of this (candidate ${candidateKeyHint(denial)}: «${denial.evidence.text.slice(0, 120)}»).` });
  }
  for (const e of [p.subject, ...p.signatories, ...p.witnesses, ...p.mediators]) {
    if (e && e.kind === 'PERSON' && !e.known) flags.push({ kind: 'NEW_PERSON', message: `${e.name} is not in the graph; accepting creates them with the id "${e.id}".` });
  }
  return { flags, knownFact };
}

const candidateKeyHint = (p: Proposal) => `${p.type} ${p.subject?.id ?? ''}>${p.object?.id ?? ''} ${p.claim}`;

export function candidateRow(p: Proposal, sourceId: string, flags: FlagRecord[], knownFact: string | null): CandidateRow {
  return {
    id: candidateId(sourceId, p),
    type: p.type,
    claim: p.claim,
    subject: p.subject?.id ?? null,
    object: p.object?.id ?? null,
    city: p.city?.id ?? null,
    role: p.role,
    parties: p.parties.map((e) => e.id),
    signatories: p.signatories.map((e) => e.id),
    witnesses: p.witnesses.map((e) => e.id),
    mediators: p.mediators.map((e) => e.id),
    agreementKind: p.kind,
    date: p.date,
    datePrecision: p.datePrecision,
    dateText: p.dateText,
    evidenceStart: p.evidence.start,
    evidenceEnd: p.evidence.end,
    evidence: p.evidence.text,
    confidence: p.confidence,
    flags: flags.map((f) => f.kind),
    flagMessages: flags.map((f) => f.message),
    knownFact,
    entities: JSON.stringify({
      subject: entity(p.subject),
      object: entity(p.object),
      city: entity(p.city),
      parties: p.parties.map(entity),
      signatories: p.signatories.map(entity),
      witnesses: p.witnesses.map(entity),
      mediators: p.mediators.map(entity),
    }),
  };
}
