import { requireEditor, requireToken } from '../auth';
import type { Context } from '../context';
import { badInput, notFound } from '../errors';
import type { AgreementKind, AgreementStatus, CandidateEdit, CandidateType, Resolvers } from '../generated/graphql';
import { slug } from '../graph/names';
import type { CandidateRecord } from '../graph/repositories/candidates';
import { sourceId } from '../graph/repositories/writes';
import { today } from '../graph/temporal';
import { Gazetteer } from '../ingest/gazetteer';
import { embassyStatus } from '../ingest/claims';
import { page, text } from './args';
import { record, source } from './mutation';

/** The extractor and its language libraries (~75 MB resident) load with the first article, not with the service. */
const reader = async () => ({ ...(await import('../ingest/extract')), ...(await import('../ingest/review')) });

/** Reads an article: stores it as a Source with the candidate facts it proposes (nothing else is written). */
/** An article's date line as the Source stores it: its first day and how much of it is known. */
function dateLine(date: string | null): { date: string | null; datePrecision: 'DAY' | 'MONTH' | 'YEAR' | null } {
  if (!date) return { date: null, datePrecision: null };
  if (date.length === 4) return { date: `${date}-01-01`, datePrecision: 'YEAR' };
  if (date.length === 7) return { date: `${date}-01`, datePrecision: 'MONTH' };
  return { date, datePrecision: 'DAY' };
}

async function ingestArticle(ctx: Context, input: { text: string; publisher: string; title: string; date?: string | null; url?: string | null }) {
  const actor = requireEditor(ctx.actor);
  if (input.text.trim() === '') throw badInput('text is empty: paste the article\u2019s text.', 'text');
  const { extract, candidateRow, flagsFor, MAX_ARTICLE, pairOf, unreadable } = await reader();
  if (input.text.length > MAX_ARTICLE) throw badInput(`text is ${input.text.length} characters; ingestArticle reads at most ${MAX_ARTICLE} (split the article).`, 'text');
  // A date line known to the month or year is stored as its first day with its precision; the extractor reads it as given.
  const line = dateLine(input.date ?? null);
  const cited = { ...source({ publisher: input.publisher, title: input.title, date: line.date, url: input.url ?? null }), ...(line.datePrecision ? { datePrecision: line.datePrecision } : {}) };
  const repo = ctx.repositories.candidates;
  const onFile = cited.url ? await repo.sourceByUrl(cited.url) : undefined;
  // The id of a source without URL comes from the date as printed: "2025-03" and "2025-03-01" are two articles.
  const id = onFile?.id ?? sourceId({ ...cited, date: input.date ?? null });
  const sourceRecord = onFile ?? { id, publisher: cited.publisher, title: cited.title, date: cited.date, datePrecision: line.datePrecision, url: cited.url, credits: [] };
  const note = unreadable(input.text);
  if (note) return { source: sourceRecord, candidates: await repo.list({ source: id }, page(300, 0)), created: 0, note };

  const proposals = extract({ text: input.text, date: input.date ?? null }, new Gazetteer(await repo.gazetteer()));
  const pairs = proposals.map(pairOf).filter((p): p is { subject: string; object: string } => !!p);
  const known = await repo.known(pairs, proposals.filter((p) => p.type === 'AGREEMENT').map((p) => p.parties.map((e) => e.id)));
  const rows = proposals.map((p) => {
    const { flags, knownFact } = flagsFor(p, known, proposals);
    return candidateRow(p, id, flags, knownFact);
  });
  const before = new Set((await repo.list({ source: id }, page(300, 0))).map((c) => c.id));
  if (rows.length > 0 || !onFile) await ctx.repositories.writes.apply('ingestArticle', 'record-candidates', { candidates: rows }, actor.name, { ...cited, id });
  const candidates = (await repo.list({ source: id }, page(300, 0))).sort((a, b) => a.evidence.start - b.evidence.start || b.confidence - a.confidence);
  return {
    source: candidates[0]?.source ?? sourceRecord,
    candidates,
    created: rows.filter((r) => !before.has(r.id)).length,
    note: rows.length === 0 ? 'No fact of the kinds the extractor knows was found.' : null,
  };
}

async function pending(ctx: Context, id: string): Promise<CandidateRecord> {
  const c = await ctx.repositories.candidates.byId(text(id, 'id', 100));
  if (!c) throw notFound(`No candidate ${id}.`);
  if (c.status !== 'PENDING') throw badInput(`Candidate ${id} was already ${c.status.toLowerCase()} by ${c.reviewedBy} at ${c.reviewedAt}.`, 'id');
  return c;
}

function citation(c: CandidateRecord) {
  return { id: c.source.id, publisher: c.source.publisher, title: c.source.title, date: c.source.date, url: c.source.url };
}

const AGREEMENT_WORDS: Record<string, string> = {
  ECONOMIC_NORMALIZATION: 'economic normalization agreement',
  MUTUAL_RECOGNITION: 'mutual recognition agreement',
  DIPLOMATIC_RELATIONS: 'agreement establishing diplomatic relations',
  OTHER: 'agreement',
};

/** Writes the (edited) candidate's fact through the record* mutations' own path; returns the fact's id. */
async function writeFact(ctx: Context, c: CandidateRecord, edit: CandidateEdit): Promise<string> {
  const src = citation(c);
  const subject = edit.subject ?? c.subject?.id ?? '';
  const object = edit.object ?? c.object?.id ?? '';
  const claim = edit.claim ?? c.claim;
  const date = edit.date ?? c.date;
  const precision = edit.datePrecision ?? c.datePrecision ?? 'DAY';
  const attested = date ?? c.source.date ?? today();
  const note = edit.note ?? `From "${c.source.title}" (${c.source.publisher}${c.source.date ? `, ${c.source.date}` : ''}): ${claim.toLowerCase()}.`;
  // People the graph does not know yet are created first, citing the same article.
  const people = [...(edit.subject ? [] : [c.subject]), ...(edit.signatories ? [] : c.signatories), ...(edit.witnesses ? [] : c.witnesses), ...(edit.mediators ? [] : c.mediators)];
  // A denial never writes the fact it denies: only a denied recognition (the state does not recognize, as the article
  // reports) and a denied withdrawal claim (the claim is on file as disputed) have a fact to write.
  if (claim === 'DENIED' && c.type !== 'RECOGNIZES' && c.type !== 'WITHDRAWAL_CLAIMED') {
    throw badInput(`Candidate ${c.id} reports a denial (claim DENIED): accepting it would record the fact it denies. Reject it, or edit its claim if the article does state the fact.`, 'claim');
  }
  for (const p of people) if (p && p.kind === 'PERSON' && !p.known) await record.upsertPerson(ctx, { id: p.id, name: p.name, aliases: [], source: src });
  switch (c.type as CandidateType) {
    case 'RECOGNIZES':
      if (claim === 'DENIED') {
        await record.recordNonRecognition(ctx, { country: subject, recognized: object, attestedOn: attested, note, source: src });
        return `nonrec-${subject}-${object}`;
      }
      if (claim === 'ENDED') {
        // The end of a recognition ("switched recognition from B to C"): the standing one ends on the date read
        // (else the article's); one the graph does not hold yet is recorded first, undated, and ended.
        const on = (await ctx.loaders.country.load(object))?.recognizedBy.some((r) => r.country.code === subject && (r.id === `rec-${subject}-${object}` || r.id.startsWith(`rec-${subject}-${object}-`)));
        if (!on) await record.recordRecognition(ctx, { country: subject, recognized: object, since: null, note, source: src });
        return (await record.endRecognition(ctx, { country: subject, recognized: object, until: attested, note, source: src })).id;
      }
      return (await record.recordRecognition(ctx, { country: subject, recognized: object, since: date, sincePrecision: precision, note, source: src })).id;
    case 'DOES_NOT_RECOGNIZE':
      await record.recordNonRecognition(ctx, { country: subject, recognized: object, attestedOn: attested, note, source: src });
      return c.knownFact ?? `nonrec-${subject}-${object}`;
    case 'WITHDRAWAL_CLAIMED':
      // A denial cites the article on the claim's fact (a claim the other side disputes) and never moves the claim's date.
      await record.recordWithdrawalClaim(ctx, { country: subject, recognized: object, since: claim === 'DENIED' ? null : date, sincePrecision: precision, note, source: src });
      return c.knownFact ?? `withdrawal-claim-${subject}-${object}`;
    case 'HAS_DIPLOMATIC_RELATIONS_WITH':
      // Ties severed end the relations on the date read (else the article's); relations not on file yet are recorded ended.
      if (claim === 'ENDED') await record.recordDiplomaticRelations(ctx, { a: subject, b: object, since: null, until: attested, note, source: src });
      else await record.recordDiplomaticRelations(ctx, { a: subject, b: object, since: date, sincePrecision: precision, note, source: src });
      return c.knownFact ?? `dipl-${[subject, object].sort().join('-')}`;
    case 'OPENS_EMBASSY_IN': {
      const city = edit.city ?? c.city?.name ?? '';
      // The event from the claim: ENDED is a closure, a reopening stays one.
      const status = embassyStatus(claim, c.role);
      const embassy = await record.recordEmbassyEvent(ctx, { country: subject, host: object, city, status, date, datePrecision: precision, note, source: src });
      return embassy.history.find((e) => e.status === status)?.id ?? embassy.history[0]!.id;
    }
    case 'HOLDS_OFFICE': {
      const role = edit.role ?? c.role ?? '';
      await record.recordOffice(ctx, { person: subject, country: object, role, note, source: src });
      return c.knownFact ?? `office-${subject}-${object.toLowerCase()}-${slug(role)}`;
    }
    case 'SUPPORTS':
      await record.recordSupport(ctx, { country: subject, supported: object, attestedOn: attested, note, source: src });
      return c.knownFact ?? `supports-${subject}-${object}`;
    case 'AGREEMENT': {
      const parties = edit.parties ?? c.parties.map((e) => e.id);
      // Witnesses of the signing are recorded as signatories in the role "witness" (SIGNED {role: 'witness'}).
      const signatories = [
        ...(edit.signatories ?? c.signatories.map((e) => e.id)).map((person) => ({ person, onBehalfOf: null, role: null, date: null })),
        ...(edit.witnesses ?? c.witnesses.map((e) => e.id)).map((person) => ({ person, onBehalfOf: null, role: 'witness', date: null })),
      ];
      const mediators = (edit.mediators ?? c.mediators.map((e) => e.id)).map((actor) => ({ actor, role: null }));
      const onFile = c.knownFact && !edit.parties ? await ctx.loaders.agreement.load(c.knownFact) : undefined;
      if (onFile) {
        const { id, title, kind, status, summary, topics, place, date: since, datePrecision } = onFile;
        await record.recordAgreement(ctx, { id, title, kind: kind as AgreementKind, status: status as AgreementStatus, summary, topics, place, date: since, datePrecision, parties: onFile.parties.map((p) => p.id), signatories, mediators, source: src });
        return id;
      }
      const names = c.parties.filter((e) => parties.includes(e.id)).map((e) => e.name);
      const kind = (c.agreementKind ?? 'OTHER') as AgreementKind;
      const title = edit.title ?? `${(names.length === parties.length ? names : parties).join('–')} ${AGREEMENT_WORDS[kind]}`;
      const agreement = await record.recordAgreement(ctx, {
        id: slug(`${title} ${date ?? ''}`),
        title,
        kind,
        status: claim === 'DONE' ? 'SIGNED' : 'AGREED',
        summary: note,
        date,
        datePrecision: precision,
        parties,
        signatories,
        mediators,
        source: src,
      });
      return agreement.id;
    }
  }
  throw badInput(`Candidates of type ${c.type} cannot be accepted.`, 'id');
}

export const ingestResolvers: Resolvers = {
  Mutation: {
    ingestArticle: (_, { input }, ctx) => ingestArticle(ctx, input),
    acceptCandidate: async (_, { id, edit }, ctx) => {
      const actor = requireEditor(ctx.actor);
      const c = await pending(ctx, id);
      const fact = await writeFact(ctx, c, edit ?? {});
      const params = { id: c.id, status: 'ACCEPTED', actor: actor.name, note: edit?.note ?? null, fact };
      await ctx.repositories.writes.apply('acceptCandidate', 'review-candidate', params, actor.name, citation(c));
      return (await ctx.repositories.candidates.byId(c.id))!;
    },
    rejectCandidate: async (_, { id, reason }, ctx) => {
      const actor = requireEditor(ctx.actor);
      const c = await pending(ctx, id);
      const params = { id: c.id, status: 'REJECTED', actor: actor.name, note: reason == null ? null : text(reason, 'reason', 2_000), fact: null };
      await ctx.repositories.writes.apply('rejectCandidate', 'review-candidate', params, actor.name, citation(c));
      return (await ctx.repositories.candidates.byId(c.id))!;
    },
  },
  Query: {
    candidates: (_, { status, source: of, type, first, offset }, ctx) => {
      requireToken(ctx.actor, 'The review queue');
      return ctx.repositories.candidates.list({ status: status ?? null, source: of ?? null, type: type ?? null }, page(first, offset));
    },
    candidate: (_, { id }, ctx) => {
      requireToken(ctx.actor, 'The review queue');
      return ctx.repositories.candidates.byId(text(id, 'id', 100)).then((c) => c ?? null);
    },
  },
};
