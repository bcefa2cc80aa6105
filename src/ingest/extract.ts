import type { Precision } from '../graph/records';
import { datesIn, type DateMention } from './dates';
import { Gazetteer, type Entity } from './gazetteer';
import { analyze, nameAt, type Mention, type Sentence } from './text';

export type CandidateType =
  | 'RECOGNIZES'
  | 'DOES_NOT_RECOGNIZE'
  | 'WITHDRAWAL_CLAIMED'
  | 'HAS_DIPLOMATIC_RELATIONS_WITH'
  | 'OPENS_EMBASSY_IN'
  | 'AGREEMENT'
  | 'HOLDS_OFFICE'
  | 'SUPPORTS';

/** What the article says of the fact on its date. */
export type Claim = 'ANNOUNCED' | 'PLEDGED' | 'DONE' | 'DENIED' | 'ENDED';

export type AgreementKind = 'ECONOMIC_NORMALIZATION' | 'MUTUAL_RECOGNITION' | 'DIPLOMATIC_RELATIONS' | 'OTHER';

/** A fact the article seems to state, before anyone has reviewed it. */
export interface Proposal {
  type: CandidateType;
  subject: Entity | null;
  object: Entity | null;
  /** Embassies: the city. */
  city: Entity | null;
  /** Offices: the title, as "Prime Minister". */
  role: string | null;
  /** Agreements. */
  parties: Entity[];
  signatories: Entity[];
  /** People who witnessed the signing ("witnessed by", "in the presence of"): they sign nothing. */
  witnesses: Entity[];
  mediators: Entity[];
  kind: AgreementKind | null;
  claim: Claim;
  date: string | null;
  datePrecision: Precision | null;
  /** The words the date was read from; null when it is the article's date or unknown. */
  dateText: string | null;
  evidence: { start: number; end: number; text: string };
  confidence: number;
}

export interface Article {
  text: string;
  /** YYYY-MM-DD, YYYY-MM or null (unknown): relative dates are read against a day, left unresolved otherwise. */
  date: string | null;
}

/** The article's own date as a fact's date: with its precision, null when unknown. */
export function articleDate(date: string | null): Pick<Proposal, 'date' | 'datePrecision' | 'dateText'> {
  if (!date) return { date: null, datePrecision: null, dateText: null };
  if (/^\d{4}-\d{2}$/.test(date)) return { date: `${date}-01`, datePrecision: 'MONTH', dateText: null };
  if (/^\d{4}$/.test(date)) return { date: `${date}-01-01`, datePrecision: 'YEAR', dateText: null };
  return { date, datePrecision: 'DAY', dateText: null };
}

const BOUNDARY_WORDS = new Set(['that', 'which', 'who', 'whom', 'while', 'because', 'but', 'although', 'though', 'whereas', 'if', 'unless', 'so']);
/** Words that open a clause of their own; "so" in "the so-called B" does not. */
const BOUNDARY = { has: (key: string, next?: string) => BOUNDARY_WORDS.has(key) && !(key === 'so' && next === 'called') };
const CONNECTOR = new Set(['and', 'or', 'its', 'their', 'his', 'her', 'allies', 'ally', 'partners', 'partner', 'the', 'both', 'neighbours', 'neighbors', 'as', 'well', 'also']);
const PREPOSITION = new Set(['of', 'in', 'at', 'with', 'from', 'by', 'to', 'for', 'between', 'after', 'before', 'on', 'into', 'toward', 'towards', 'against', 'about', 'over', 'than', 'like', 'among']);
// A threat or a step only weighed is no fact either ("threatened to sever ties", "is considering recognizing").
const HYPOTHETICAL = new Set(['should', 'could', 'might', 'may', 'would', 'if', 'unless', 'whether', 'hope', 'hopes', 'hoped', 'threaten', 'threatens', 'threatened', 'threatening', 'considering', 'considers', 'mulling', 'mulls', 'weighing', 'weighs']);
const FUTURE = /^(will|shall|process|agreed?|agrees|pledged?|pledges|promised?|promises|plans?|planned|intends?|intended|expected|scheduled|announced?|announces|announcing|going|wants?|decided?|decides|aims?|committed|vowed?|vows|would)$/;
const NEGATION = /^(not|never|no|n't|cannot|refuses?|refused|refusing|rejects?|rejected|declines?|declined)$|n't$/;
/**
 * Negation said by a noun or a verb of refusal or absence: "the refusal of A to recognize", "A's non-recognition",
 * "withheld recognition", "opposes the recognition", "failed to", "without recognizing", "instead of".
 */
const NEGATIVE_WORD = /^(refusal|refusals|non|withh(e|o)ld(s|ing)?|refrain(s|ed|ing)?|oppos(e|es|ed|ing)|opposition|against|fail(s|ed|ing)?|failure|unwilling|reluctant|reluctance|resist(s|ed|ing)?|without|instead)$/;

/** Is token k a negation: a word ("not", "refusal"), or a pair ("has yet to", "ruled out", "stopped short of")? */
function negationAt(s: Sentence, k: number): boolean {
  const key = s.tokens[k]!.key;
  if (NEGATION.test(key) || NEGATIVE_WORD.test(key)) return true;
  const before = s.tokens[k - 1]?.key ?? '';
  const after = s.tokens[k + 1]?.key ?? '';
  return (key === 'yet' && /^(has|have|had|is|are|was|were)$/.test(before) && after === 'to') || (/^(rule|rules|ruled|ruling)$/.test(key) && after === 'out') || (key === 'short' && /^stop/.test(before));
}

/** A negation among tokens [from, to); with `i`, tokens of a relative clause that does not hold i are passed over. */
function negatedIn(s: Sentence, from: number, to: number, i?: number): boolean {
  for (let k = Math.max(0, from); k < Math.min(to, s.tokens.length); k++) {
    if (i !== undefined && inOtherRelative(s, k, i)) continue;
    if (negationAt(s, k)) return true;
  }
  return false;
}
const DENIAL = /^(den(y|ies|ied|ying)|denial|dismissed|false|refut(e|es|ed|ing))$/;
/** Denials said in two words: "fake news", "no such (decision)", "not true", "baseless" claims. */
const DENIAL_PAIR = /^(fake news|no such|not true|never happened)$/;
const DENIAL_WORD = /^(untrue|baseless|unfounded)$/;

/** Titles of office, longest first; the value is how a role is written in the graph. */
const TITLES: [string, string][] = [
  ['national security advisor', 'National Security Advisor'],
  ['national security adviser', 'National Security Advisor'],
  ['first deputy prime minister', 'First Deputy Prime Minister'],
  ['deputy prime minister', 'Deputy Prime Minister'],
  ['deputy foreign minister', 'Deputy Foreign Minister'],
  ['vice foreign minister', 'Vice Foreign Minister'],
  ['minister of defence', 'Defence Minister'],
  ['minister of defense', 'Defense Minister'],
  ['supreme leader', 'Supreme Leader'],
  ['top diplomat', 'Top Diplomat'],
  ['senior adviser', 'Senior Adviser'],
  ['senior advisor', 'Senior Advisor'],
  ['defence secretary', 'Defence Secretary'],
  ['defense secretary', 'Defense Secretary'],
  ['minister of state for foreign affairs', 'Minister of State for Foreign Affairs'],
  ['state minister for foreign affairs', 'State Minister for Foreign Affairs'],
  ['minister for foreign affairs', 'Foreign Minister'],
  ['minister of foreign affairs', 'Foreign Minister'],
  ['foreign affairs minister', 'Foreign Minister'],
  ['secretary of state', 'Secretary of State'],
  ['state secretary', 'Secretary of State'],
  ['foreign secretary', 'Foreign Secretary'],
  ['foreign minister', 'Foreign Minister'],
  ['defence minister', 'Defence Minister'],
  ['defense minister', 'Defense Minister'],
  ['interior minister', 'Interior Minister'],
  ['finance minister', 'Finance Minister'],
  ['prime minister', 'Prime Minister'],
  ['vice president', 'Vice President'],
  ['special envoy', 'Envoy'],
  ['crown prince', 'Crown Prince'],
  ['state councilor', 'State Councilor'],
  ['house speaker', 'House Speaker'],
  ['parliament speaker', 'Parliament Speaker'],
  ['speaker', 'Speaker'],
  ['pope', 'Pope'],
  ['sultan', 'Sultan'],
  ['president', 'President'],
  ['premier', 'Prime Minister'],
  ['chancellor', 'Chancellor'],
  ['king', 'King'],
  ['queen', 'Queen'],
  ['emir', 'Emir'],
  ['ambassador', 'Ambassador'],
  ['envoy', 'Envoy'],
  ['spokesman', 'Spokesman'],
  ['spokeswoman', 'Spokeswoman'],
  ['spokesperson', 'Spokesperson'],
  ['adviser', 'Adviser'],
  ['advisor', 'Advisor'],
  ['ruler', 'Ruler'],
  ['leader', 'Leader'],
];

/**
 * Titles that name an office only with a state written beside them ("the Avalonian leader Name", "Avalonia's top
 * diplomat Name"): an "opposition leader", a "party leader" or a company's "adviser" holds no office of a state, so
 * neither the person's known state nor the sentence's is guessed for them.
 */
const NEEDS_STATE = new Set(['Leader', 'Adviser', 'Advisor', 'Senior Adviser', 'Senior Advisor', 'Ruler', 'Top Diplomat']);

interface Title {
  from: number;
  to: number;
  role: string;
}

/** Everything the rules know about the article as they go. */
class Reading {
  readonly proposals: Proposal[] = [];
  /** The last two states named together ("Serbia and Kosovo"), for "the two countries". */
  pair: { at: number; countries: Entity[] } | null = null;
  /** The last state whose recognition was discussed, for "the new country". */
  recognized: Entity | null = null;
  /** Offices read so far: person id -> state. */
  readonly offices = new Map<string, string>();
  /** The agreement last spoken of, by its parties. */
  agreement: Entity[] | null = null;
  /** The state the article is about: named most often, clearly more than any other (null when none is). */
  focus: Entity | null = null;
  /** Recognitions said to stand ("remains committed to its recognition of C"): each denies a claim of its withdrawal. */
  readonly affirmed: Proposal[] = [];
  /** The cities the article names, by their state's code. */
  readonly cities = new Map<string, Entity[]>();

  constructor(
    readonly article: Article,
    readonly gazetteer: Gazetteer,
  ) {}
}

// ---------- helpers over one sentence ----------

const entityOf = (m: Mention, kinds: string[]) => m.entries.find((e) => kinds.includes(e.entity.kind));

function mentionAt(s: Sentence, i: number): Mention | undefined {
  return s.mentions.find((m) => i >= m.from && i < m.to);
}

function titleAt(s: Sentence, i: number): Title | undefined {
  for (const [words, role] of TITLES) {
    const parts = words.split(' ');
    if (parts.every((w, k) => s.tokens[i + k]?.key === w || s.tokens[i + k]?.key === `${w}'s`)) {
      const to = i + parts.length;
      // "ambassador to Borduria", "envoy to the UN": the post names where (the title says so, as the graph writes it).
      if (/^(Ambassador|Envoy)$/.test(role) && s.tokens[to]?.key === 'to' && !s.tokens[to - 1]!.post.trim()) {
        const m = mentionAt(s, to + 1) ?? (s.tokens[to + 1]?.key === 'the' ? mentionAt(s, to + 2) : undefined);
        if (m && m.entries.some((e) => (e.entity.kind === 'COUNTRY' && e.via === 'NAME') || e.entity.kind === 'ORGANIZATION')) {
          const written = s.tokens.slice(to + 1, m.to).map((t) => t.text.replace(/['’]s$/, '')).join(' ');
          return { from: i, to: m.to, role: `${role} to ${written}` };
        }
      }
      return { from: i, to, role };
    }
  }
  // "Minister of Home Affairs", "Minister for Islamic Affairs", "Minister of State and Foreign Affairs": the portfolio is
  // the capitalized words after "of" or "for" (joined by "and"), up to a state's name ("... of Avalonia" says whose).
  if (s.tokens[i]?.key === 'minister' && s.tokens[i]!.capitalized && /^(of|for)$/.test(s.tokens[i + 1]?.key ?? '')) {
    let j = i + 2;
    while (j < s.tokens.length && !mentionAt(s, j) && (s.tokens[j]!.capitalized || (s.tokens[j]!.key === 'and' && s.tokens[j + 1]?.capitalized && !mentionAt(s, j + 1)))) {
      j++;
      if (s.tokens[j - 1]!.post.trim()) break;
    }
    if (s.tokens[j - 1]?.key === 'and') j--;
    if (j > i + 2 && /^affairs$|^(defen[cs]e|finance|trade|economy|justice|interior|health|education|energy|state)$/.test(s.tokens[j - 1]!.key)) {
      return { from: i, to: j, role: s.tokens.slice(i, j).map((t) => t.text).join(' ') };
    }
  }
  // Any capitalized portfolio before "Minister": "Health Minister", "Infrastructure Minister".
  const word = s.tokens[i];
  if (word && word.capitalized && /^[a-z]{4,}$/.test(word.key) && !word.tags.has('Date') && s.tokens[i + 1]?.key === 'minister' && s.tokens[i + 1]!.capitalized && !mentionAt(s, i) && !/^(prime|deputy|former|acting|new|state|then)$/.test(word.key)) {
    return { from: i, to: i + 2, role: `${word.key[0]!.toUpperCase()}${word.key.slice(1)} Minister` };
  }
  return undefined;
}

/** A title whose last word is just before token `end` ("Foreign Minister" before "of"). */
function titleEndingAt(s: Sentence, end: number): boolean {
  for (let k = Math.max(0, end - 5); k < end; k++) if (titleAt(s, k)?.to === end) return true;
  return false;
}

/**
 * A relative clause set off by commas ("A, which cut ties with B, established ..."; "... with B, which it had cut in
 * 2018"): from its pronoun to the next comma (or the sentence's end). `subject` says whether the pronoun is the clause's
 * subject (a verb follows it: "which cut") rather than its object ("which it had cut"); `antecedent` is the token
 * before it.
 */
interface Relative {
  from: number;
  to: number;
  antecedent: number;
  subject: boolean;
}

const relativesOf = new WeakMap<Sentence, Relative[]>();

function relatives(s: Sentence): Relative[] {
  let found = relativesOf.get(s);
  if (found) return found;
  found = [];
  for (let k = 1; k < s.tokens.length; k++) {
    if (!/^(which|who)$/.test(s.tokens[k]!.key) || !s.tokens[k - 1]!.post.includes(',')) continue;
    let to = k + 1;
    while (to < s.tokens.length && !/[,;]/.test(s.tokens[to - 1]!.post)) to++;
    const next = s.tokens[k + 1];
    const subject = !!next && !next.tags.has('Pronoun') && !next.tags.has('Noun') && (next.tags.has('Verb') || next.tags.has('Adverb') || next.tags.has('Auxiliary') || next.tags.has('Modal'));
    found.push({ from: k, to: Math.min(to, s.tokens.length), antecedent: k - 1, subject });
  }
  relativesOf.set(s, found);
  return found;
}

/** The relative clause token i sits in, if any. */
function relativeAt(s: Sentence, i: number): Relative | undefined {
  return relatives(s).find((r) => i > r.from && i < r.to);
}

/**
 * Where the clause holding token i starts: after the last boundary word or semicolon before it. A relative clause
 * closed before i is passed over ("A, which cut ties with B, established ...": the clause of "established" is A's).
 */
function clauseStart(s: Sentence, i: number): number {
  for (let k = i - 1; k >= 0; k--) {
    const closed = relatives(s).find((r) => r.from === k && r.to <= i);
    if (closed) continue;
    if (BOUNDARY.has(s.tokens[k]!.key, s.tokens[k + 1]?.key) || /;/.test(s.tokens[k]!.post)) return k + 1;
    if (coordinatesClause(s, k) || subordinates(s, k)) return k + 1;
  }
  return 0;
}

/**
 * ", and C opened ...": "and" (or "but") after a comma opens a new clause when a clause with a verb comes before it
 * and a name follows; ", and C" closing a list of names ("A, B, and C opened") does not.
 */
function coordinatesClause(s: Sentence, k: number): boolean {
  if (!/^(and|but)$/.test(s.tokens[k]!.key) || !s.tokens[k - 1]?.post.includes(',')) return false;
  const next = /^(the)$/.test(s.tokens[k + 1]?.key ?? '') ? k + 2 : k + 1;
  if (!mentionAt(s, next)) return false;
  for (let j = k - 1; j >= 0 && !BOUNDARY.has(s.tokens[j]!.key); j--) if (s.tokens[j]!.tags.has('Verb') && !mentionAt(s, j)) return true;
  return false;
}

/**
 * "since B recognized ...", "after A opened ...", "when C cut ties": a conjunction of time that opens a clause with its own
 * subject (a name or pronoun, then a verb), not a preposition before a noun ("since 2008", "after talks with B").
 */
function subordinates(s: Sentence, k: number): boolean {
  if (!/^(since|after|before|when|once|until)$/.test(s.tokens[k]!.key)) return false;
  let j = s.tokens[k + 1]?.key === 'the' ? k + 2 : k + 1;
  const m = mentionAt(s, j);
  if (m && m.from === j) j = m.to;
  else if (/^(it|they|he|she|we)$/.test(s.tokens[j]?.key ?? '')) j++;
  else return false;
  while (s.tokens[j] && /^(has|have|had|was|were|is|are|also|then|officially|formally|finally|first)$/.test(s.tokens[j]!.key)) j++;
  const verb = s.tokens[j];
  return !!verb && verb.tags.has('Verb') && !mentionAt(s, j) && !BREAKS_AFTER.test(s.tokens[j - 1]!.post);
}

function clauseEnd(s: Sentence, i: number): number {
  // A relative clause ends at its comma.
  const r = relativeAt(s, i);
  if (r) return r.to;
  for (let k = i + 1; k < s.tokens.length; k++) {
    if (BOUNDARY.has(s.tokens[k]!.key, s.tokens[k + 1]?.key) || /;/.test(s.tokens[k - 1]!.post)) return k;
  }
  return s.tokens.length;
}

/** Is token k inside a relative clause that does not hold token i (so it says nothing of i's clause)? */
function inOtherRelative(s: Sentence, k: number, i: number): boolean {
  const r = relativeAt(s, k);
  return !!r && !(i > r.from && i < r.to);
}

/** A state named as a modifier ("Serbian President", "the US envoy", "Kosovo Prime Minister") rather than as an actor. */
function isModifier(s: Sentence, m: Mention): boolean {
  const next = s.tokens[m.to];
  if (titleAt(s, m.to)) return true;
  if (m.entries.every((e) => e.via === 'DEMONYM')) return true;
  return !!next && /^(counterpart|officials?|government|administration|leaders?|delegation|embassy|embassies|forces|army|troops|ministry|authorities|side)$/.test(next.key) && !s.tokens[m.to - 1]!.possessive;
}

/** The state a mention acts for: a state by name, seat or (as subject) capital; a person by their office. */
function actorCountry(s: Sentence, m: Mention, reading: Reading): Entity | undefined {
  const byName = m.entries.find((e) => e.entity.kind === 'COUNTRY' && (e.via === 'NAME' || e.via === 'SEAT'));
  if (byName) return byName.entity;
  const capital = m.entries.find((e) => e.entity.kind === 'COUNTRY' && e.via === 'CAPITAL');
  const next = s.tokens[m.to];
  const before = s.tokens[m.from - 1];
  if (capital && next && (next.tags.has('Verb') || next.tags.has('Adverb')) && !(before && PREPOSITION.has(before.key))) return capital.entity;
  const person = entityOf(m, ['PERSON']);
  if (person) {
    const code = reading.offices.get(person.entity.id) ?? person.entity.countries[0];
    return code ? reading.gazetteer.country(code) : undefined;
  }
  return undefined;
}

function isActor(s: Sentence, m: Mention, reading: Reading): boolean {
  return !isModifier(s, m) && (!!actorCountry(s, m, reading) || !!entityOf(m, ['PERSON', 'ORGANIZATION']));
}

/** Is the mention governed by a preposition ("leaders of Serbia and Kosovo"), through its conjuncts? */
function afterPreposition(s: Sentence, m: Mention, reading: Reading, afterComma = false): boolean {
  // "Foreign Minister of X Name": the person holds the title; "of" governs X, not them.
  const before = mentionAt(s, m.from - 1);
  if (before && entityOf(m, ['PERSON']) && !s.tokens[m.from - 1]!.post.trim() && s.tokens[before.from - 1]?.key === 'of' && titleEndingAt(s, before.from - 1)) return false;
  let comma = afterComma;
  for (let k = m.from - 1; k >= 0; k--) {
    const t = s.tokens[k]!;
    if (t.post.includes(',')) comma = true;
    // "the government of X", "the cabinet of X": X acts.
    if (t.key === 'of' && /^(government|cabinet|administration|authorities|leadership)$/.test(s.tokens[k - 1]?.key ?? '')) return false;
    // A phrase put first and closed by a comma ("In the presence of C, A and B signed"): it governs nothing after the comma.
    if (PREPOSITION.has(t.key) && comma && !s.tokens.slice(0, k).some((x, j) => x.tags.has('Verb') || (j < k - 1 && BREAKS_AFTER.test(x.post)))) return false;
    if (PREPOSITION.has(t.key)) return !subordinates(s, k);
    if (CONNECTOR.has(t.key)) continue;
    const other = mentionAt(s, k);
    if (other && isActor(s, other, reading)) return afterPreposition(s, other, reading, comma);
    if (other || titleAt(s, k) || /^(former|newly|elected|acting)$/.test(t.key) || t.tags.has('Person') || t.tags.has('ProperNoun')) continue;
    return false;
  }
  return false;
}

/** Is the mention the object of a verb right before it ("recognized B", "recognized the B")? Reporting verbs open a clause instead. */
function objectOfVerb(s: Sentence, m: Mention): boolean {
  let k = m.from - 1;
  while (k >= 0 && /^(the|its|their|both)$/.test(s.tokens[k]!.key) && !BREAKS_AFTER.test(s.tokens[k]!.post)) k--;
  const t = s.tokens[k];
  if (!t || BREAKS_AFTER.test(t.post) || REPORTING.test(t.key) || mentionAt(s, k)) return false;
  return t.tags.has('Verb') && !t.tags.has('Auxiliary') && !t.tags.has('Copula') && !t.tags.has('Modal') && /(ed|ized|ised)$/.test(t.key) && !/^(called|named|led|based|backed|supported|sponsored|brokered|mediated)$/.test(t.key);
}

const BREAKS_AFTER = /[,;:()]/;

/** Is the mention the object of any verb right before it ("recognising B", "visited the B")? */
function afterVerb(s: Sentence, m: Mention): boolean {
  let k = m.from - 1;
  while (k >= 0 && /^(the|its|their)$/.test(s.tokens[k]!.key)) k--;
  const t = s.tokens[k];
  return !!t && !BREAKS_AFTER.test(t.post) && (t.tags.has('Verb') || t.tags.has('Gerund')) && !t.tags.has('Auxiliary') && !t.tags.has('Copula') && !t.tags.has('Modal') && !REPORTING.test(t.key) && !mentionAt(s, k);
}

/** The actors a clause is about, before token i: named there, not as modifiers, not after a preposition. */
function subjectsBefore(s: Sentence, i: number, reading: Reading): Mention[] {
  const from = clauseStart(s, i);
  let found = s.mentions.filter((m) => m.from >= from && m.to <= i && !inOtherRelative(s, m.from, i) && isActor(s, m, reading) && !afterPreposition(s, m, reading));
  // "A said B had opened ...": the subjects of the reported clause, after the reporting verb, when it names any.
  const said = lastIndex(s, from, i, REPORTING);
  if (said >= 0 && found.some((m) => m.from > said)) found = found.filter((m) => m.from > said);
  // "A recognized B on Monday, and C opened ...": B is the object of an earlier verb, not a subject of this one.
  found = found.filter((m) => !objectOfVerb(s, m));
  if (found.length > 0) return found;
  // "A announced (that) it is moving ...", "A said they would ...": the pronoun opening a reported clause is its reporter.
  const pronoun = s.tokens.findIndex((t, k) => k >= from && k < i && /^(it|they)$/.test(t.key));
  if (pronoun >= 0 && pronoun > 0 && !mentionAt(s, pronoun) && (s.tokens[pronoun - 1]!.key === 'that' || REPORTING.test(s.tokens[pronoun - 1]!.key))) {
    const said = s.tokens[pronoun - 1]!.key === 'that' ? pronoun - 1 : pronoun;
    const reporter = lastIndex(s, 0, said, REPORTING);
    if (reporter >= 0) return subjectsBefore(s, reporter, reading);
  }
  // A relative clause whose pronoun is its subject ("A, which cut ties with B, ..."): the antecedent acts.
  const r = relativeAt(s, i);
  const antecedent = r?.subject ? mentionAt(s, r.antecedent) : undefined;
  return antecedent && isActor(s, antecedent, reading) && !afterPreposition(s, antecedent, reading) ? [antecedent] : [];
}

/** "the two countries", "both sides": the pair named last. */
function pairReference(s: Sentence, from: number, to: number, reading: Reading): Entity[] | undefined {
  for (let k = from; k < to - 1; k++) {
    if (/^(two|both)$/.test(s.tokens[k]!.key) && /^(countries|states|sides|parties|nations|neighbours|neighbors|governments)$/.test(s.tokens[k + 1]!.key)) return reading.pair?.countries;
  }
  return undefined;
}

function countriesOf(s: Sentence, mentions: Mention[], reading: Reading): Entity[] {
  const out: Entity[] = [];
  for (const m of mentions) {
    const c = actorCountry(s, m, reading);
    if (c && !out.some((x) => x.id === c.id)) out.push(c);
  }
  return out;
}

function has(s: Sentence, from: number, to: number, test: RegExp | Set<string>): boolean {
  for (let k = Math.max(0, from); k < Math.min(to, s.tokens.length); k++) {
    const key = s.tokens[k]!.key;
    if (test instanceof Set ? test.has(key) : test.test(key)) return true;
  }
  return false;
}

/** Does the sentence report a denial ("denied", "refutes", "fake news", "no such decision", "not true")? */
function denies(s: Sentence): boolean {
  return s.tokens.some((t, k) => DENIAL.test(t.key) || DENIAL_WORD.test(t.key) || DENIAL_PAIR.test(`${t.key} ${s.tokens[k + 1]?.key ?? ''}`));
}

function claimOf(s: Sentence, from: number, trigger: number, pledge: Claim, negated = false): Claim | null {
  // "would not" is a refusal, not a hypothesis
  if (!negated && has(s, from, trigger, HYPOTHETICAL) && !has(s, from, trigger, /^(will|shall)$/)) return null;
  if (denies(s)) return 'DENIED';
  // An infinitive is a plan ("to recognize"); a bare form compromise tags so after a subject ("which cut ties") is not.
  const infinitive = s.tokens[trigger]!.tags.has('Infinitive') && has(s, trigger - 2, trigger, /^to$/);
  // "became the third state to recognize", "was one of the first countries to recognize": done, not a plan.
  if (infinitive && ordinalBefore(s, from, trigger)) return 'DONE';
  from = ownScope(s, from, trigger);
  if (has(s, from, trigger + 1, FUTURE) || (infinitive && !has(s, from, trigger, /^(was|were|had|did)$/))) return pledge;
  return 'DONE';
}

/** "the third country to", "one of the first states to", "the latest nation to" before token `trigger`. */
function ordinalBefore(s: Sentence, from: number, trigger: number): boolean {
  const to = s.tokens[trigger - 1]?.key === 'to' ? trigger - 1 : -1;
  if (to < 0) return false;
  const noun = s.tokens[to - 1];
  if (!noun || !/^(country|countries|state|states|nation|nations|member|members|government|governments)$/.test(noun.key)) return false;
  for (let k = Math.max(from, to - 5); k < to - 1; k++) {
    const key = s.tokens[k]!.key;
    if (/^(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|latest|last|only|\d+(st|nd|rd|th))$/.test(key) || s.tokens[k]!.tags.has('Ordinal')) return /^(became|become|becomes|becoming|is|was|are|were|be|been|as)$/.test(s.tokens[lastIndex(s, Math.max(from, k - 4), k, /^(became|become|becomes|becoming|is|was|are|were|be|been|as)$/)]?.key ?? '');
  }
  return false;
}

/**
 * Where the words that set a trigger's sense start: after a reporting verb whose own clause has a subject before the
 * trigger ("A announced it had recognized B", "A announced it was severing ties": done; "A announced it will": a plan),
 * and after "after", "since", "following" that open a clause of something done ("announced relations with B after
 * breaking ties with C").
 */
function ownScope(s: Sentence, from: number, trigger: number): number {
  const sub = lastIndex(s, from, trigger, /^(after|since|following|upon)$/);
  if (sub >= 0 && (sub + 1 === trigger || s.tokens[sub + 1]!.tags.has('Gerund'))) return sub + 1;
  const report = lastIndex(s, from, trigger, REPORTING);
  if (report < 0) return from;
  for (let k = report + 1; k < trigger; k++) {
    if (mentionAt(s, k) || /^(it|they|he|she|we)$/.test(s.tokens[k]!.key)) {
      // the reported clause's subject, followed by its own verb before the trigger
      return report + 1;
    }
  }
  return from;
}

function evidence(s: Sentence) {
  return { start: s.start, end: s.end, text: s.text };
}

/** The date nearest to the trigger in the sentence, or the article's date for what was announced or held on it. */
function dateFor(s: Sentence, trigger: number, dates: DateMention[], reading: Reading, fallback: 'ARTICLE' | 'NONE'): Pick<Proposal, 'date' | 'datePrecision' | 'dateText'> {
  const at = s.tokens[trigger]!.start;
  // A date inside a relative clause belongs to that clause's event, not to the trigger outside it (and the reverse).
  const own = (d: DateMention) => {
    const k = s.tokens.findIndex((t) => t.end > d.start);
    return k < 0 || !inOtherRelative(s, k, trigger);
  };
  const inSentence = dates.filter((d) => d.start >= s.start && d.end <= s.end && own(d));
  // The time adverbial of the trigger's own predicate comes after it, before the next "and"/"but" or clause
  // ("broke off ties in 2010 and resumed them in 2015"); else the nearest date of the sentence.
  let stop = s.tokens.length;
  for (let k = trigger + 1; k < s.tokens.length; k++) {
    if (/^(and|but|while|whereas)$/.test(s.tokens[k]!.key) && s.tokens[k + 1] && (s.tokens[k + 1]!.tags.has('Verb') || /^(then|later|also)$/.test(s.tokens[k + 1]!.key))) {
      stop = k;
      break;
    }
  }
  const limit = s.tokens[stop]?.start ?? s.end;
  const after = inSentence.filter((d) => d.start > at && d.start < limit).sort((a, b) => a.start - b.start)[0];
  const near = after ?? inSentence.sort((a, b) => Math.abs(a.start - at) - Math.abs(b.start - at))[0];
  if (near) return { date: near.date, datePrecision: near.precision, dateText: near.text };
  return fallback === 'ARTICLE' ? articleDate(reading.article.date) : { date: null, datePrecision: null, dateText: null };
}

function proposal(type: CandidateType, s: Sentence, claim: Claim, confidence: number, rest: Partial<Proposal>): Proposal {
  return {
    type,
    subject: null,
    object: null,
    city: null,
    role: null,
    parties: [],
    signatories: [],
    witnesses: [],
    mediators: [],
    kind: null,
    claim,
    date: null,
    datePrecision: null,
    dateText: null,
    evidence: evidence(s),
    confidence: Math.round(confidence * 100) / 100,
    ...rest,
  };
}

// ---------- the rules ----------

/** Offices: "US President Donald Trump", "Robert O'Brien, the US President's national security advisor", "her Israeli counterpart Gabi Ashkenazi". */
/** Words before a name that are no part of it ("Mr. Luis Arce", "Sheikh Mohammed"). */
const HONORIFIC = /^(mr|mrs|ms|dr|sheikh|sir|rev|the|h\.?e)\.?$/;

/** The person mention at token i, past honorifics. */
function personAt(s: Sentence, i: number): Mention | undefined {
  let j = i;
  while (j < s.tokens.length && j < i + 3 && HONORIFIC.test(s.tokens[j]!.key) && !mentionAt(s, j)) j++;
  const m = mentionAt(s, j);
  return m && entityOf(m, ['PERSON']) ? m : undefined;
}

/**
 * The state an office belongs to when the text names none beside the title ("Foreign Minister Y said"):
 * the one state the sentence names, else the state the article is about (named most, clearly ahead of the next).
 */
function contextState(s: Sentence, reading: Reading): Entity | undefined {
  const named = new Map<string, Entity>();
  const acting = new Map<string, Entity>();
  let other = false;
  for (const m of s.mentions) {
    const c = m.entries.find((e) => e.entity.kind === 'COUNTRY')?.entity;
    if (!c) continue;
    // A state that belongs to another title ("the Bolivian President") or owns something else ("Avalonia's plan") is not this office's.
    if (titleAt(s, m.to) || s.tokens[m.to - 1]!.possessive || s.tokens[m.to]?.key === 'counterpart') other = true;
    // A place the person is at ("arrived in Carpa", "a ceremony in Borduria"): a visitor's office is not the host's.
    else if (m.entries.every((e) => e.entity.kind !== 'COUNTRY' || e.via === 'CAPITAL') || /^(in|to|at|into|from)$/.test(s.tokens[m.from - 1]?.key ?? '')) continue;
    else {
      named.set(c.id, c);
      if (m.entries.some((e) => e.entity.kind === 'COUNTRY' && e.via === 'NAME') && !afterPreposition(s, m, reading) && !afterVerb(s, m)) acting.set(c.id, c);
    }
  }
  if (named.size === 1 && !other) return [...named.values()][0];
  if (other) return undefined;
  // Several states: the one that acts in a clause of the sentence ("the government of A had begun recognising B": A), not
  // one after a preposition or a verb.
  if (acting.size === 1) return [...acting.values()][0];
  return named.size === 0 ? reading.focus ?? undefined : undefined;
}

/** Offices: "US President Donald Trump", "Robert O'Brien, the US President's national security advisor", "her Israeli counterpart Gabi Ashkenazi". */
function offices(s: Sentence, reading: Reading): void {
  let lastRole: string | null = null;
  // Titles joined by "and" before one person: "State Councilor and Foreign Minister Name".
  let coordinated: Title[] = [];
  // The end of the last title found: "Deputy Prime Minister" holds no second title "Prime Minister".
  let within = -1;
  for (let i = 0; i < s.tokens.length; i++) {
    if (i < within) continue;
    let title = titleAt(s, i);
    if (!title && s.tokens[i]!.key === 'counterpart' && lastRole) title = { from: i, to: i + 1, role: lastRole };
    if (!title) continue;
    within = title.to;
    if (titleAt(s, title.to)) continue; // "the US President's national security advisor": the later title is the office
    // "the Prime Minister's Office", "the President's residence": a place named after the office, not a person's title.
    if (s.tokens[title.to - 1]!.possessive) continue;
    lastRole = title.role;
    if (coordinated.length > 0 && coordinated[coordinated.length - 1]!.to + 1 !== title.from) coordinated = [];
    if (s.tokens[title.to]?.key === 'and' && titleAt(s, title.to + 1)) {
      coordinated.push(title);
      i = title.to;
      continue;
    }
    const titles = [...coordinated, title];
    coordinated = [];
    const first = titles[0]!;
    // The state: named just before the (first) title, past "former", "the" and a possessive title.
    let k = first.from - 1;
    let former = false;
    // ... and past a word that describes the person ("Avalonia's embattled President", "the veteran Foreign Minister").
    // A participle counts only after a possessive or an article ("Avalonia's embattled", not "Avalonia said").
    const describing = (k: number) =>
      !s.tokens[k]!.capitalized &&
      !mentionAt(s, k) &&
      !/^(opposition|former|outgoing)$/.test(s.tokens[k]!.key) &&
      (s.tokens[k]!.tags.has('Adjective') || (/(ed|ing)$/.test(s.tokens[k]!.key) && (!!s.tokens[k - 1]?.possessive || /^(the|its|their)$/.test(s.tokens[k - 1]?.key ?? ''))));
    // ... and past an organization the office serves in ("Avalonia's UN Ambassador").
    const serving = (k: number) => !!mentionAt(s, k)?.entries.every((e) => e.entity.kind === 'ORGANIZATION') && k > 0 && !!mentionAt(s, k - 1);
    while (k >= 0 && (/^(former|newly|elected|acting|then|the|her|his|their|outgoing|incoming|new|incumbent|current)$/.test(s.tokens[k]!.key) || (s.tokens[k]!.possessive && titleAt(s, k)) || describing(k) || serving(k))) {
      if (/^(former|outgoing)$/.test(s.tokens[k]!.key)) former = true;
      k = serving(k) ? mentionAt(s, k)!.from - 1 : k - 1;
    }
    const countryMention = mentionAt(s, k);
    let country = countryMention?.entries.find((e) => e.entity.kind === 'COUNTRY')?.entity;
    // "Country's Title", "the Country's Title": a possessive state before the title.
    if (!country && s.tokens[k]?.possessive) country = mentionAt(s, k)?.entries.find((e) => e.entity.kind === 'COUNTRY')?.entity;
    // "Title of Country Name", "the president of (the) Country, Name": the state after "of", the person after it.
    let afterOf: Mention | undefined;
    if (!country && s.tokens[title.to]?.key === 'of') {
      const m = mentionAt(s, title.to + 1) ?? (s.tokens[title.to + 1]?.key === 'the' ? mentionAt(s, title.to + 2) : undefined);
      let c = m?.entries.find((e) => e.entity.kind === 'COUNTRY' && e.via === 'NAME')?.entity;
      // "Crown Prince of Abu Dhabi", "Ruler of Dubai": a city's office is held in its state, and the title names the city.
      const city = !c && m ? entityOf(m, ['CITY'])?.entity : undefined;
      if (city?.countries[0] && title === first && titles.length === 1) {
        c = reading.gazetteer.country(city.countries[0]);
        if (c) titles[0] = { ...title, role: `${title.role} of ${city.name}` };
      }
      if (m && c) {
        country = c;
        afterOf = mentionAt(s, m.to) ?? mentionAt(s, m.to + (s.tokens[m.to - 1]!.post.includes(',') ? 0 : 1));
        if (afterOf && !entityOf(afterOf, ['PERSON'])) afterOf = undefined;
      }
    }
    // "a spokesman for Country's foreign ministry, Name", "spokeswoman for the Avalonian government": the state the body
    // belongs to; the person after the comma.
    if (!country && s.tokens[title.to]?.key === 'for') {
      const m = mentionAt(s, title.to + 1) ?? (s.tokens[title.to + 1]?.key === 'the' ? mentionAt(s, title.to + 2) : undefined);
      const body = m ? s.tokens.findIndex((t, j) => j >= m.to && j <= m.to + 1 && /^(ministry|government|presidency|cabinet|foreign)$/.test(t.key)) : -1;
      if (m && body >= 0) country = m.entries.find((e) => e.entity.kind === 'COUNTRY' && e.via !== 'CAPITAL')?.entity;
      // the name set off after the body ("..., Name,"), read as a name even where compromise finds none
      const comma = country ? s.tokens.findIndex((t, j) => j >= body && j <= body + 2 && t.post.includes(',')) : -1;
      const named = comma >= 0 && !personAt(s, comma + 1) ? nameAt(s, comma + 1) : undefined;
      if (named) {
        s.mentions.push(named);
        s.mentions.sort((a, b) => a.from - b.from);
      }
    }
    // "Title Name of Country": the state right after the person.
    if (!country) {
      // ... also for each of titled people joined by "and" before it ("Title A Name and Title B Name of Country").
      let named = personAt(s, title.to);
      while (named && s.tokens[named.to]?.key === 'and' && titleAt(s, named.to + 1)) named = personAt(s, titleAt(s, named.to + 1)!.to);
      if (named && s.tokens[named.to]?.key === 'of') country = mentionAt(s, named.to + 1)?.entries.find((e) => e.entity.kind === 'COUNTRY' && e.via === 'NAME')?.entity;
    }
    for (let j = k - 1; j >= Math.max(0, k - 2); j--) if (/^(former|outgoing)$/.test(s.tokens[j]!.key)) former = true;
    // The person: right after the title (past "Mr."), after an apposition ("the US envoy to ..., Richard Grenell"), or before ", the".
    let person = afterOf ?? personAt(s, title.to);
    if (!person) {
      for (let j = title.to; j < Math.min(s.tokens.length, title.to + 10); j++) {
        if (s.tokens[j]!.post.includes(',')) {
          person = personAt(s, j + 1);
          break;
        }
      }
    }
    if (!person) {
      // "Name, the former ambassador", "Name, Country's title", "Name, vice president and prime minister of Country":
      // the name just before a comma, past the words that open the apposition.
      let j = first.from - 1;
      while (j >= 0 && !s.tokens[j]!.post.includes(',')) {
        const m = mentionAt(s, j);
        if (m && m.entries.some((e) => e.entity.kind === 'COUNTRY')) j = m.from - 1;
        else if (/^(the|former|outgoing|incoming|new|acting|then|current|incumbent)$/.test(s.tokens[j]!.key) || (s.tokens[j]!.possessive && titleAt(s, j))) j--;
        else break;
      }
      const named = j >= 0 && s.tokens[j]!.post.includes(',') ? mentionAt(s, j) : undefined;
      if (named && entityOf(named, ['PERSON'])) person = named;
    }
    let pastByVerb = false;
    if (!person) {
      // "Name, who is Country's title", "Name was (the) title of Country", "Name, who served as title": the person before
      // the copula (or the relative clause's antecedent); "was", "served" put the office in the past.
      let j = first.from - 1;
      while (j >= 0) {
        const m = mentionAt(s, j);
        if (m && m.entries.some((e) => e.entity.kind === 'COUNTRY')) j = m.from - 1;
        else if (/^(the|a|an|new|first)$/.test(s.tokens[j]!.key) || (s.tokens[j]!.possessive && titleAt(s, j))) j--;
        else break;
      }
      let verb = j;
      // "was sworn in on Sunday as ...", "was appointed last week as ...": past the words of when, to the verb.
      if (s.tokens[verb]?.key === 'as') {
        let v = verb - 1;
        while (v >= 0 && v > verb - 5 && (s.tokens[v]!.tags.has('Date') || /^(on|in|last|this|week|month|year)$/.test(s.tokens[v]!.key)) && !(s.tokens[v]!.key === 'in' && s.tokens[v - 1]?.key === 'sworn')) v--;
        if (v < verb - 1 && APPOINTED.test(s.tokens[v]?.key ?? '')) verb = v;
        else if (v < verb - 1 && s.tokens[v]?.key === 'in' && s.tokens[v - 1]?.key === 'sworn') verb = v - 1;
      }
      if (s.tokens[verb]?.key === 'as' && /^(serves|served|serving)$/.test(s.tokens[verb - 1]?.key ?? '')) verb--;
      else if (s.tokens[verb]?.key === 'been' && /^(has|have)$/.test(s.tokens[verb - 1]?.key ?? '')) verb--;
      else if (s.tokens[verb]?.key === 'as' && APPOINTED.test(s.tokens[verb - 1]?.key ?? '')) verb--;
      else if (s.tokens[verb]?.key === 'as' && s.tokens[verb - 1]?.key === 'in' && s.tokens[verb - 2]?.key === 'sworn') verb -= 2;
      const copula = s.tokens[verb]?.key ?? '';
      const antecedentOf = (at: number) => (s.tokens[at]?.key === 'who' && s.tokens[at - 1]?.post.includes(',') ? mentionAt(s, at - 1) : mentionAt(s, at));
      if (/^(is|was|serves|served|has|became|remains)$/.test(copula)) {
        const antecedent = antecedentOf(verb - 1);
        if (antecedent && entityOf(antecedent, ['PERSON'])) {
          person = antecedent;
          pastByVerb = /^(was|served)$/.test(copula);
        }
      } else if (APPOINTED.test(copula)) {
        // "Name was appointed (as) Country's title", "Name has been named Country's new title": the person before the
        // auxiliaries; "Country appointed Name as title": the person between the verb and "as". ("Name, who will be
        // Country's new title" is not in office yet, like an "incoming" one: no office.)
        let b = verb - 1;
        while (b >= 0 && /^(was|were|is|are|has|have|had|been|be|will|would|to|newly|recently|just|officially|formally|also)$/.test(s.tokens[b]!.key)) b--;
        const between = s.tokens[j]?.key === 'as' ? mentionAt(s, j - 1) : undefined;
        const antecedent = between && APPOINTED.test(s.tokens[between.from - 1]?.key ?? '') ? between : b < verb - 1 ? antecedentOf(b) : undefined;
        if (antecedent && entityOf(antecedent, ['PERSON'])) person = antecedent;
      }
    }
    if (pastByVerb) former = true;
    const who = person && entityOf(person, ['PERSON'])?.entity;
    if (!who) continue;
    // "incoming President Name", "President-elect Name": not in office yet.
    if (/^(incoming|elect|designate)$/.test(s.tokens[first.from - 1]?.key ?? '') || /^(elect|designate)$/.test(s.tokens[title.to]?.key ?? '')) continue;
    let confidence = 0.9;
    // "the Avalonian Borduran leader": two states before a title that needs one; which one's office is it?
    if (titles.some((t) => NEEDS_STATE.has(t.role)) && (!country || (countryMention && mentionAt(s, countryMention.from - 1)?.entries.some((e) => e.entity.kind === 'COUNTRY')))) continue;
    if (!country) {
      // "President Donald Trump": the state the graph already has them serve, when there is exactly one;
      // someone the graph has no state for: the state of the sentence or of the article.
      // A person the article already gave a state ("British Foreign Secretary Name" before "Foreign Secretary Name") keeps it.
      const code = reading.offices.get(who.id) ?? (who.countries.length === 1 ? who.countries[0]! : undefined);
      // "West Bengal Chief Minister", "Gaza Health Minister": a place or body the gazetteer does not know owns the office;
      // an ambassador or envoy serves abroad: neither is the sentence's state.
      const unknownOwner = k > 0 && s.tokens[k]?.capitalized && !s.tokens[k]!.tags.has('Date') && !mentionAt(s, k) && !titleAt(s, k) && !HONORIFIC.test(s.tokens[k]!.key) && !BREAKS_AFTER.test(s.tokens[k - 1]!.post);
      const abroad = titles.some((x) => /^(Ambassador|Envoy)/.test(x.role));
      if (!code && (unknownOwner || abroad)) continue;
      // An ambassador's post names the host, never whose ambassador they are: no guess from the sentence.
      country = code ? reading.gazetteer.country(code) : who.countries.length === 0 && !/ to /.test(title.role) ? contextState(s, reading) : undefined;
      if (!country) continue;
      confidence = code ? 0.7 : 0.6;
    }
    reading.offices.set(who.id, country.id);
    const dates = articleDate(reading.article.date);
    for (const t of titles) {
      reading.proposals.push(proposal('HOLDS_OFFICE', s, former ? 'ENDED' : 'DONE', who.known ? confidence : confidence - 0.15, { subject: who, object: country, role: t.role, ...(former ? { date: null, datePrecision: null, dateText: null } : dates) }));
    }
  }
}

/** Verbs that put a person in an office ("was appointed foreign minister", "named him as envoy"). */
const APPOINTED = /^(appointed|named|elected|nominated|chosen|confirmed|sworn)$/;

/** Titles in the plural ("prime ministers", "foreign secretaries"), each with the singular's role. */
const PLURAL_TITLES: [string[], string][] = TITLES.map(([words, role]) => {
  const parts = words.split(' ');
  const last = parts.pop()!;
  return [[...parts, last.endsWith('y') ? `${last.slice(0, -1)}ies` : `${last}s`], role];
});

/**
 * Several people under one plural title: "the respective leaders of A and B, X and Y" (in order), "the two countries'
 * prime ministers, A's X and B's Y" (each their own state). Nothing when the states cannot be paired with the people.
 */
function pluralOffices(s: Sentence, reading: Reading): void {
  for (let i = 0; i < s.tokens.length; i++) {
    const found = PLURAL_TITLES.find(([parts]) => parts.every((w, k) => s.tokens[i + k]?.key === w));
    if (!found) continue;
    const [parts, role] = found;
    if (NEEDS_STATE.has(role) && s.tokens[i + parts.length]?.key !== 'of') continue;
    let k = i + parts.length;
    // "of A and B": the states, in order.
    let states: Entity[] = [];
    if (s.tokens[k]?.key === 'of') {
      // (the list of states ends where the people's names begin)
      const all = listAfter(s, k, s.tokens.length);
      const first = all.findIndex((m) => !!entityOf(m, ['PERSON']));
      const listed = first < 0 ? all : all.slice(0, first);
      states = listed.map((m) => m.entries.find((e) => e.entity.kind === 'COUNTRY' && e.via === 'NAME')?.entity).filter((e): e is Entity => !!e);
      if (states.length !== listed.length || listed.length === 0) continue;
      k = listed[listed.length - 1]!.to;
    }
    // The people: after a comma, each perhaps after its state's possessive ("A's X"), joined by commas and "and".
    if (!s.tokens[k - 1]?.post.includes(',')) continue;
    const people: { who: Entity; state?: Entity; found?: Mention }[] = [];
    while (k < s.tokens.length) {
      let state: Entity | undefined;
      const owner = mentionAt(s, k);
      if (owner && s.tokens[owner.to - 1]!.possessive && !entityOf(owner, ['PERSON'])) {
        state = owner.entries.find((e) => e.entity.kind === 'COUNTRY' && e.via !== 'CAPITAL')?.entity;
        if (!state) break;
        k = owner.to;
      }
      const named = personAt(s, k);
      const person = named ?? nameAt(s, k);
      const who = person && entityOf(person, ['PERSON'])?.entity;
      if (!person || !who) break;
      people.push({ who, state, found: named ? undefined : person });
      k = person.to;
      if (s.tokens[k]?.key === 'and') k++;
      else if (s.tokens[k - 1]!.post.includes(',') && (personAt(s, k) || s.tokens[k]?.key === 'and')) k += s.tokens[k]?.key === 'and' ? 1 : 0;
      else break;
    }
    if (people.length < 2) continue;
    // Names read here are names for the rules that follow too (they sign, they meet), whether or not their states are known.
    s.mentions.push(...people.flatMap((p) => (p.found ? [p.found] : [])));
    s.mentions.sort((a, b) => a.from - b.from);
    const own = people.every((p) => p.state);
    if (!own && states.length !== people.length) continue;
    const dates = articleDate(reading.article.date);
    people.forEach((p, n) => {
      const country = p.state ?? states[n]!;
      reading.offices.set(p.who.id, country.id);
      reading.proposals.push(proposal('HOLDS_OFFICE', s, 'DONE', p.who.known ? 0.8 : 0.65, { subject: p.who, object: country, role, ...dates }));
    });
  }
}

/** Remembers states named together ("Serbia and Kosovo", "Serbian-Kosovar"). */
function pairs(s: Sentence, reading: Reading, upTo: number): void {
  for (let k = 0; k + 1 < s.mentions.length; k++) {
    const [a, b] = [s.mentions[k]!, s.mentions[k + 1]!];
    if (b.to > upTo) break;
    const gap = s.tokens.slice(a.to, b.from).map((t) => t.key);
    const joined = gap.length === 0 ? s.tokens[a.to - 1]!.post.includes('-') : gap.every((g) => g === 'and');
    const ca = a.entries.find((e) => e.entity.kind === 'COUNTRY')?.entity;
    const cb = b.entries.find((e) => e.entity.kind === 'COUNTRY')?.entity;
    if (joined && ca && cb && ca.id !== cb.id) reading.pair = { at: b.to, countries: [ca, cb] };
  }
}

function recognitions(s: Sentence, dates: DateMention[], reading: Reading): void {
  for (let i = 0; i < s.tokens.length; i++) {
    if (!/^recogni([sz](e|es|ed|ing)|tion)$/.test(s.tokens[i]!.key)) continue;
    const end = clauseEnd(s, i);
    // "recognized Jerusalem as Israel's capital" is about a capital, not a state.
    if (has(s, i + 1, Math.min(end, i + 6), /^capital$/)) continue;
    const from = clauseStart(s, i);
    const withdrawal = has(s, Math.max(0, i - 4), i, /^(withdr[ae]w[ns]?|withdrawing|withdrawal|revok(e|es|ed|ing)|revocation|rescind(s|ed|ing)?|retract(s|ed|ing)?|derecogni[sz](e|ed|es)|suspen(d|ds|ded|ding|sion)|freez(e|es|ing)|froze(n)?)$/);
    // A recognition suspended or frozen is withdrawn for now: the guide's "suspended".
    const suspended = withdrawal && has(s, Math.max(0, i - 4), i, /^(suspen(d|ds|ded|ding|sion)|freez(e|es|ing)|froze(n)?)$/);
    // A clause without its own subject ("... that included recognizing Kosovo") takes the sentence's, and its negation.
    const own = subjectsBefore(s, i, reading).length > 0;
    const scope = own ? from : 0;
    const negated = !withdrawal && negatedIn(s, scope, i, i);
    // "has not withdrawn its recognition", "not possible for A to rescind its recognition": a withdrawal denied, never one done.
    const withdrawalDenied = withdrawal && negatedIn(s, scope, i, i);
    // "remains committed to its recognition of C", "reaffirmed its recognition": the recognition stands.
    const affirmed = !withdrawal && !negated && has(s, Math.max(scope, i - 5), i, AFFIRM);
    let claim = claimOf(s, scope, i, 'ANNOUNCED', negated || withdrawalDenied);
    if (!claim) continue;
    if (withdrawalDenied) claim = 'DENIED';
    else if (affirmed && claim !== 'DENIED') claim = 'DONE';
    // "A switched (its diplomatic) recognition from B to C": the end of A's recognition of B and its recognition of C.
    const switchVerb = lastIndex(s, Math.max(from, i - 3), i, SWITCH);
    if (switchVerb >= 0 && !withdrawal && !negated) {
      switched(s, switchVerb, i, end, claim, dates, reading, 'RECOGNIZES');
      continue;
    }
    // The state recognized: named after the trigger, not in a phrase of its own ("... its independence from B", "after a
    // war with B": B is not recognized).
    // (a people's adjective only before "independence", "statehood", "sovereignty": "Taiwanese independence" is Taiwan's)
    // ("Moroccan sovereignty over C" is a claim over C, no state recognized)
    const statehood = (m: Mention) =>
      m.entries.some((e) => e.entity.kind === 'COUNTRY' && (e.via !== 'DEMONYM' || (/^(independence|statehood|sovereignty|state)$/.test(s.tokens[m.to]?.key ?? '') && s.tokens[m.to + 1]?.key !== 'over')));
    // (not the state a region breaks away from: "Georgia's breakaway region of Abkhazia" is Abkhazia)
    const parent = (m: Mention) => s.tokens.slice(m.to, m.to + 2).some((t) => /^(breakaway|separatist|rebel|region|regions|province|territory|territories)$/.test(t.key)) && (s.tokens[m.to - 1]!.possessive || /^(breakaway|separatist)$/.test(s.tokens[m.to]?.key ?? ''));
    // (nor a territory a sovereignty is "over": "over the whole of C")
    const overIt = (m: Mention) => s.tokens.slice(Math.max(i + 1, m.from - 4), m.from).some((t) => t.key === 'over');
    const objects = s.mentions.filter((m) => m.from > i && m.to <= end && statehood(m) && !parent(m) && !overIt(m) && !OTHER_PHRASE.test(s.tokens[s.tokens[m.from - 1]?.key === 'the' ? m.from - 2 : m.from - 1]?.key ?? ''));
    let object: Entity | undefined = objects.map((m) => m.entries.find((e) => e.entity.kind === 'COUNTRY')!.entity)[0];
    let confidence = 0.9;
    // "A recognized its independence": "its" is the other state the sentence is about (named before, not A), else the one
    // whose recognition was spoken of last.
    if (/^(its|their)$/.test(s.tokens[i + 1]?.key ?? '') && /^(independence|sovereignty|statehood)$/.test(s.tokens[i + 2]?.key ?? '')) {
      const recognizers = countriesOf(s, subjectsBefore(s, i, reading), reading).map((c) => c.id);
      const before = s.mentions.filter((m) => m.to <= i).map((m) => m.entries.find((e) => e.entity.kind === 'COUNTRY' && e.via === 'NAME')?.entity).find((c) => c && !recognizers.includes(c.id));
      object = before ?? (reading.recognized && !recognizers.includes(reading.recognized.id) ? reading.recognized : undefined);
      confidence -= 0.1;
    }
    // "recognized the new country", "recognized its independence"; "(to rescind) its recognition" with no state after it:
    // the state whose recognition was discussed last.
    if (!object && (has(s, i + 1, Math.min(end, i + 4), /^(new|breakaway|its|it)$/) || (withdrawal && /^(its|their)$/.test(s.tokens[i - 1]?.key ?? '')))) {
      object = reading.recognized ?? undefined;
      confidence -= 0.15;
    }
    let subjects: Entity[];
    const mutual = s.tokens[i - 1]?.key === 'mutual';
    if (mutual) {
      const brokers = brokersIn(s, reading).map((b) => b.id);
      const named = countriesOf(s, s.mentions.filter((m) => !isModifier(s, m)), reading).filter((c) => !brokers.includes(c.id));
      const both = named.length === 2 ? named : pairReference(s, 0, s.tokens.length, reading);
      if (!both || both.length !== 2) continue;
      for (const [a, b] of [[both[0]!, both[1]!], [both[1]!, both[0]!]]) {
        reading.proposals.push(proposal('RECOGNIZES', s, claim, 0.8, { subject: a, object: b, ...dateFor(s, i, dates, reading, 'ARTICLE') }));
      }
      continue;
    }
    if (s.tokens[i + 1]?.key === 'by' && s.tokens[i]!.tags.has('Verb') && !negated && !withdrawal) {
      // The passive: "X has been recognized by A, B and more than 100 countries, including C": each state after "by" recognizes the clause's subject.
      const recognized = countriesOf(s, subjectsBefore(s, i, reading), reading);
      // ... up to "but", "not", "except" ("by A and B, but not by C": C is no recognizer).
      const stop = s.tokens.findIndex((t, j) => j > i + 1 && /^(but|not|except|excluding|although|though|while|whereas)$/.test(t.key));
      const by = countriesOf(s, s.mentions.filter((m) => m.from > i + 1 && (stop < 0 || m.to <= stop) && !isModifier(s, m)), reading);
      if (recognized.length === 1) {
        reading.recognized = recognized[0]!;
        for (const subject of by.filter((c) => c.id !== recognized[0]!.id)) reading.proposals.push(proposal('RECOGNIZES', s, 'DONE', 0.8, { subject, object: recognized[0]!, ...dateFor(s, i, dates, reading, 'NONE') }));
        continue;
      }
    }
    if (s.tokens[i + 1]?.key === 'by') {
      // "Recognition by Israel ... for Kosovo"
      const by = mentionAt(s, i + 2);
      const subject = by && actorCountry(s, by, reading);
      const other = s.mentions.filter((m) => m !== by).map((m) => actorCountry(s, m, reading)).find((c) => c && c.id !== subject?.id);
      if (!subject || !other) continue;
      claim = 'DONE';
      reading.recognized = other;
      reading.proposals.push(proposal('RECOGNIZES', s, claim, 0.8, { subject, object: other, ...dateFor(s, i, dates, reading, 'NONE') }));
      continue;
    }
    const noun = /^recognition$/.test(s.tokens[i]!.key);
    if (noun && !withdrawal) {
      // "recognition came from A and B", "C received recognition from A": those after "from" recognize the clause's
      // subject, else the state whose recognition was spoken of last (or the article's). Negated: nothing.
      const fromAt = s.tokens.findIndex((t, j) => j > i && j <= i + 3 && t.key === 'from' && s.tokens.slice(i + 1, j).every((x) => /^(came|comes|has|had|also|then|later|first)$/.test(x.key)));
      if (fromAt > 0) {
        if (negated) continue;
        const givers = countriesOf(s, listAfter(s, fromAt, end), reading);
        const receiver = countriesOf(s, subjectsBefore(s, i, reading), reading)[0] ?? reading.recognized ?? reading.focus ?? undefined;
        if (!receiver) continue;
        reading.recognized = receiver;
        for (const subject of givers.filter((c) => c.id !== receiver.id)) reading.proposals.push(proposal('RECOGNIZES', s, claim, 0.75, { subject, object: receiver, ...dateFor(s, i, dates, reading, claim === 'DONE' ? 'NONE' : 'ARTICLE') }));
        continue;
      }
      // "C welcomed A's recognition": what A recognized is who welcomes it (welcomed, hailed, thanked), else the state
      // whose recognition was spoken of last.
      const poss = !object ? s.mentions.find((m) => s.tokens[m.to - 1]!.possessive && s.tokens.slice(m.to, i).every((t) => /^(formal|official|recent|new)$/.test(t.key)) && i - m.to <= 1) : undefined;
      const giver = poss && actorCountry(s, poss, reading);
      if (giver) {
        const welcome = lastIndex(s, from, i, /^(welcom|hail|thank|prais|celebrat|appreciat)/);
        const welcomer = welcome >= 0 ? countriesOf(s, subjectsBefore(s, welcome, reading), reading).find((c) => c.id !== giver.id) : undefined;
        object = welcomer ?? (reading.recognized && reading.recognized.id !== giver.id ? reading.recognized : undefined);
        confidence -= 0.1;
      }
    }
    if (!object) continue;
    reading.recognized = object;
    // "A says B revoked its recognition of C": the subject is B, after the reporting verb, not the one who reports.
    const said = lastIndex(s, from, i, REPORTING);
    const clauseSubjects = subjectsBefore(s, i, reading);
    subjects = countriesOf(s, clauseSubjects.some((m) => m.from > said) ? clauseSubjects.filter((m) => m.from > said) : clauseSubjects, reading);
    // "A criticised B's decision to recognize C": the possessor of the noun before the trigger acts, not the clause's subject.
    const possessor = s.mentions.filter((m) => m.to <= i && i - m.to <= 3 && s.tokens[m.to - 1]!.possessive && s.tokens.slice(m.to, i).every((t) => /^(decision|move|plan|intention|pledge|promise|to|of|formal|official)$/.test(t.key))).pop();
    const owner = possessor && actorCountry(s, possessor, reading);
    if (owner) {
      subjects = [owner];
      // "B's decision to recognize C" is a decision taken: the recognition is done; "B's plan to" stays a plan.
      if (claim === 'ANNOUNCED' && possessor && s.tokens.slice(possessor.to, i).some((t) => /^(decision|move)$/.test(t.key))) claim = 'DONE';
    }
    // "The following states have recognized C: A, B and D": the list after the colon.
    const following = s.tokens.findIndex((t, j) => j >= from && j < i && t.key === 'the' && s.tokens[j + 1]?.key === 'following');
    if (subjects.length === 0 && following >= 0) subjects = countriesOf(s, followingList(s, following), reading);
    if (subjects.length === 0) {
      // the first state named as an actor, not one a verb governs ("a move to pressure B")
      const first = s.mentions.find((m) => m.to <= i && isActor(s, m, reading) && !afterVerb(s, m));
      const c = first && actorCountry(s, first, reading);
      if (c) subjects = [c];
      confidence -= 0.2;
    }
    const type = withdrawal ? 'WITHDRAWAL_CLAIMED' : negated ? 'DOES_NOT_RECOGNIZE' : 'RECOGNIZES';
    if (negated) claim = claim === 'DENIED' ? 'DENIED' : 'DONE';
    // "A recognized B and C", "A has recognized the following states: B, C and D": one fact per state recognized.
    // ... also "recognizing the independence of B and C".
    const of = /^(independence|sovereignty|statehood)$/.test(s.tokens[i + 2]?.key ?? '') && s.tokens[i + 1]?.key === 'the' && s.tokens[i + 3]?.key === 'of' ? i + 3 : i;
    const listed = countriesOf(s, listAfter(s, of, end).filter((m) => m.entries.some((e) => e.entity.kind === 'COUNTRY' && e.via === 'NAME')), reading);
    const targets = listed.length >= 2 && listed[0]!.id === object.id ? listed : [object];
    for (const target of targets) {
      for (const subject of subjects.filter((c) => c.id !== target.id)) {
        // A withdrawal claim is an event: dated when made (the article's date when the sentence gives none).
        const when = type === 'DOES_NOT_RECOGNIZE' ? articleDate(reading.article.date) : dateFor(s, i, dates, reading, claim === 'DONE' && type === 'RECOGNIZES' ? 'NONE' : 'ARTICLE');
        const p = proposal(type, s, claim, confidence, { subject, object: target, ...when, ...(suspended && type === 'WITHDRAWAL_CLAIMED' ? { role: 'suspended' } : {}) });
        reading.proposals.push(p);
        if (affirmed && type === 'RECOGNIZES') reading.affirmed.push(p);
      }
    }
    // "A recognized C, joining D, E and F": each state of the list recognizes C too (the list's own date is not given).
    if (type === 'RECOGNIZES') {
      const join = s.tokens.findIndex((t, j) => j > i && /^(joining|joins|joined|after|like|alongside)$/.test(t.key) && (j === i + 1 || s.tokens[j - 1]!.post.includes(',')));
      if (join > 0) {
        const listed: Mention[] = [];
        for (const m of s.mentions.filter((x) => x.from > join)) {
          const gap = s.tokens.slice(listed.length ? listed[listed.length - 1]!.to : join + 1, m.from);
          if (!gap.every((t) => /^(and|the)$/.test(t.key))) break;
          if (listed.length && !s.tokens[listed[listed.length - 1]!.to - 1]!.post.includes(',') && gap.length === 0) break;
          listed.push(m);
        }
        for (const subject of countriesOf(s, listed, reading).filter((c) => c.id !== object!.id && !subjects.some((x) => x.id === c.id))) {
          reading.proposals.push(proposal('RECOGNIZES', s, 'DONE', 0.75, { subject, object, date: null, datePrecision: null, dateText: null }));
        }
      }
    }
    // "..., but Serbia and its allies Russia and China have not."
    for (let k = i + 1; k < s.tokens.length; k++) {
      if (s.tokens[k]!.key !== 'but') continue;
      const not = s.tokens.findIndex((t, j) => j > k && t.key === 'not' && /^(have|has|had|do|does|did)$/.test(s.tokens[j - 1]!.key));
      if (not < 0 || type !== 'RECOGNIZES') break;
      const others = countriesOf(s, s.mentions.filter((m) => m.from > k && m.to < not && !isModifier(s, m)), reading);
      for (const subject of others.filter((c) => c.id !== object!.id)) {
        reading.proposals.push(proposal('DOES_NOT_RECOGNIZE', s, 'DONE', 0.8, { subject, object, ...articleDate(reading.article.date) }));
      }
      break;
    }
  }
}

/** Prepositions that open a phrase of their own after a recognition: the state there is not the one recognized. */
const OTHER_PHRASE = /^(from|with|after|against|during|since|than|amid|between|over)$/;
const AFFIRM = /^(remains?|remained|reaffirm(s|ed|ing)?|maintains?|maintained|continues?|continued|still|upholds?|upheld)$/;
const SWITCH = /^(switch(es|ed|ing)?|shift(s|ed|ing)?)$/;
const REPORTING = /^(says?|said|saying|announced?|announces|reported|reports|confirmed?|confirms|claims?|claimed|told|stated?|states)$/;

function lastIndex(s: Sentence, from: number, to: number, test: RegExp): number {
  for (let k = Math.min(to, s.tokens.length) - 1; k >= Math.max(0, from); k--) if (test.test(s.tokens[k]!.key)) return k;
  return -1;
}

/** The other side of a one-China switch: a state switching to the PRC leaves the ROC (Taiwan), and the reverse. */
function otherChina(c: Entity | undefined, reading: Reading): Entity | undefined {
  const other = c?.id === 'CN' ? 'TW' : c?.id === 'TW' ? 'CN' : undefined;
  return other ? reading.gazetteer.country(other) : undefined;
}

/**
 * "A switched (diplomatic) recognition / ties from B to C": A's recognition of (or relations with) B ends, and A recognizes
 * (has relations with) C. B is the state after "from", else the other state the clause names, else, for a switch to or from
 * China or Taiwan, the other of the two. The subjects are those after the last reporting verb ("B says A switched ...").
 * An announced switch ("will switch") proposes only the new recognition, as announced.
 */
function switched(s: Sentence, verb: number, trigger: number, end: number, claim: Claim, dates: DateMention[], reading: Reading, type: 'RECOGNIZES' | 'HAS_DIPLOMATIC_RELATIONS_WITH'): void {
  const report = lastIndex(s, clauseStart(s, verb), verb, REPORTING);
  const subjects = countriesOf(s, subjectsBefore(s, verb, reading).filter((m) => m.from > report), reading);
  let left: Entity | undefined;
  let joined: Entity | undefined;
  const after = s.mentions.filter((m) => m.from > trigger && m.to <= end);
  for (const m of after) {
    const c = m.entries.find((e) => e.entity.kind === 'COUNTRY' && e.via !== 'DEMONYM')?.entity;
    if (!c) continue;
    const prep = s.tokens[m.from - 1]?.key;
    if (prep === 'from' && !left) left = c;
    else if (prep === 'to' && !joined) joined = c;
  }
  left = left ?? otherChina(joined, reading);
  joined = joined ?? otherChina(left, reading);
  if (!joined) return;
  reading.recognized = joined;
  const when = dateFor(s, verb, dates, reading, 'ARTICLE');
  for (const subject of subjects.filter((c) => c.id !== joined!.id && c.id !== left?.id)) {
    const pair = (a: Entity, b: Entity) => (type === 'HAS_DIPLOMATIC_RELATIONS_WITH' ? [a, b].sort((x, y) => x.id.localeCompare(y.id)) : [a, b]);
    const [s1, o1] = pair(subject, joined);
    reading.proposals.push(proposal(type, s, claim === 'DENIED' ? 'DENIED' : claim, 0.8, { subject: s1!, object: o1!, ...when }));
    if (left && claim === 'DONE') {
      const [s2, o2] = pair(subject, left);
      reading.proposals.push(proposal(type, s, 'ENDED', 0.8, { subject: s2!, object: o2!, ...when }));
    }
  }
}

/** "U.S.-brokered", "EU-mediated": who brokered what the sentence speaks of. */
function brokersIn(s: Sentence, reading: Reading): Entity[] {
  return s.mentions
    .filter((m) => s.tokens[m.to - 1]!.post === '-' && /^(brokered|mediated|led|sponsored|hosted|backed)$/.test(s.tokens[m.to]?.key ?? ''))
    .map((m) => actorCountry(s, m, reading) ?? entityOf(m, ['ORGANIZATION'])?.entity)
    .filter((e): e is Entity => !!e);
}

/** What a third state lends to a deal between others ("with B's help", "with U.S. mediation"). */
const HELP = /^(help|mediation|support|backing|assistance|facilitation|blessing)$/;
const SEVER = /^(sever(s|ed|ing)?|cut(s|ting)?|break(s|ing)?|broke|broken|suspend(s|ed|ing)?|end(s|ed|ing)?)$/;
/** Verbs that bring ended relations back: the relations are "restored" (the corpus's status). */
const RESTORE = /^(restor(e|es|ed|ing)|resum(e|es|ed|ing)|re-?establish(es|ed|ing)?|renew(s|ed|ing)?)$/;
/** Verbs that set relations up, said without "diplomatic" ("established relations with"). */
const ESTABLISH = /^(establish(es|ed|ing)?|forg(e|es|ed|ing)|open(s|ed|ing)?|normali[sz](e|es|ed|ing))$/;

function lastOwn(s: Sentence, from: number, to: number, test: RegExp, i: number): number {
  for (let k = Math.min(to, s.tokens.length) - 1; k >= Math.max(0, from); k--) if (!inOtherRelative(s, k, i) && test.test(s.tokens[k]!.key)) return k;
  return -1;
}

/** Does the verb at i take as its object the ties just spoken of: "resumed them", "ties with B, which it had cut"? */
function pointsBackToTies(s: Sentence, i: number): boolean {
  if (/^(them|it)$/.test(s.tokens[i + 1]?.key ?? '')) return true;
  const r = relativeAt(s, i);
  return !!r && !r.subject && has(s, r.from - 4, r.from, /^(ties|relations)$/);
}

function diplomaticRelations(s: Sentence, dates: DateMention[], reading: Reading): void {
  // The pairs this sentence has spoken of, for "resumed them", "which it had cut in 2018".
  let spoken: Entity[][] = [];
  const push = (pairs: Entity[][], sense: Claim, role: string | null, at: number, confidence: number, fallback: 'ARTICLE' | 'NONE') => {
    for (const pair of pairs) {
      const [a, b] = [...pair].sort((x, y) => x.id.localeCompare(y.id));
      reading.proposals.push(proposal('HAS_DIPLOMATIC_RELATIONS_WITH', s, sense, confidence, { subject: a!, object: b!, role, ...dateFor(s, at, dates, reading, fallback) }));
    }
  };
  for (let i = 0; i + 1 < s.tokens.length; i++) {
    const key = s.tokens[i]!.key;
    // "broke off relations with B in 2010 and resumed them in 2015", "restored ties with B, which it had cut in 2018":
    // a verb that ends or restores relations whose object points back to the ties just spoken of.
    const back = (SEVER.test(key) || RESTORE.test(key)) && spoken.length > 0 && pointsBackToTies(s, i);
    if (back && !has(s, i + 1, Math.min(s.tokens.length, i + 3), /^(ties|relations)$/)) {
      const from = relativeAt(s, i) ? relativeAt(s, i)!.from + 1 : clauseStart(s, i);
      const claim = claimOf(s, from, i, 'ANNOUNCED');
      if (!claim || claim === 'DENIED' || negatedIn(s, from, i, i)) continue;
      if (SEVER.test(key)) {
        if (claim === 'DONE') push(spoken, 'ENDED', null, i, 0.75, 'NONE');
      } else push(spoken, claim, 'restored', i, 0.75, 'ARTICLE');
      continue;
    }
    // "diplomatic relations", "diplomatic ties", or ties a verb ends, restores or sets up ("severed ties with", "restored ties")
    const ties = /^(relations|ties)$/;
    const verbed = ties.test(key) && s.tokens[i - 1]?.key !== 'diplomatic' && (has(s, Math.max(0, i - 3), i, SEVER) || has(s, Math.max(0, i - 3), i, RESTORE) || ESTABLISH.test(s.tokens[i - 1]?.key ?? '') || (ESTABLISH.test(s.tokens[i - 2]?.key ?? '') && /^(formal|official|full|bilateral|their|its)$/.test(s.tokens[i - 1]!.key)));
    if (!(key === 'diplomatic' && ties.test(s.tokens[i + 1]!.key)) && !verbed) continue;
    const from = clauseStart(s, i);
    const end = clauseEnd(s, i);
    const severVerb = lastOwn(s, Math.max(from, i - 4), i, SEVER, i);
    const restoreVerb = lastOwn(s, Math.max(from, i - 4), i, RESTORE, i);
    const severed = severVerb >= 0 && severVerb > restoreVerb;
    const restored = restoreVerb >= 0 && !severed;
    // An end's sense is its verb's ("to sever ties" after an intention is not done), not the noun's.
    const claim = claimOf(s, from, severed ? severVerb : restored ? restoreVerb : i, 'ANNOUNCED');
    if (!claim) continue;
    // Ties denied ("has no diplomatic relations with", "has not severed ties") are no fact; ties ended ("broke its
    // diplomatic ties with") are an end of relations (claim ENDED), never relations established.
    if (negatedIn(s, from, i, i)) continue;
    const switchVerb = lastOwn(s, Math.max(from, i - 3), i, SWITCH, i);
    if (switchVerb >= 0 && !severed) {
      switched(s, switchVerb, i, end, claim, dates, reading, 'HAS_DIPLOMATIC_RELATIONS_WITH');
      continue;
    }
    const subjects = countriesOf(s, subjectsBefore(s, i, reading), reading);
    let parties = subjects;
    let confidence = 0.9;
    if (parties.length < 2) {
      // "relations with B and C" with no subject names B's and C's partner, not relations of B with C; "between B and C" does.
      const opener = subjects.length > 0 ? /^(with|between)$/ : /^between$/;
      const after = s.mentions.filter((m) => m.from > i && m.to <= end && !inOtherRelative(s, m.from, i) && s.tokens.slice(i, m.from).some((t) => opener.test(t.key)));
      parties = [...parties, ...countriesOf(s, after, reading)].filter((c, k, all) => all.findIndex((x) => x.id === c.id) === k);
    }
    if (parties.length < 2) {
      const pair = pairReference(s, from, end, reading);
      if (pair) {
        parties = pair;
        confidence -= 0.1;
      }
    }
    // "A shut its embassy in X and severed diplomatic relations": the partner is the state of the embassy's city.
    if (parties.length === 1 && subjects.length === 1) {
      const hosts = s.mentions.filter((m) => m.to <= i && s.tokens.slice(Math.max(0, m.from - 4), m.from).some((t) => /^embass(y|ies)$/.test(t.key)) && s.tokens[m.from - 1]?.key === 'in');
      const host = hosts.length === 1 ? entityOf(hosts[0]!, ['CITY'])?.entity.countries[0] : undefined;
      const partner = host && host !== subjects[0]!.id ? reading.gazetteer.country(host) : undefined;
      if (partner) {
        parties = [subjects[0]!, partner];
        confidence -= 0.1;
      }
    }
    // "A and B severed ties with C": each subject with the state after "with", not A with B; "A established relations
    // with B, C and D": A with each of them.
    // ... "with" of the ties themselves ("ties with B"), not of a later phrase ("a deal brokered with B's help").
    // "..., with B's help", "with B's mediation": a helper set off by a comma or owning the help is no partner.
    const withAt = s.tokens.findIndex((t, k) => k > i && k < Math.min(end, i + 4) && t.key === 'with' && !s.tokens.slice(i, k).some((x) => BREAKS_AFTER.test(x.post)));
    const helper = (m: Mention) => s.tokens[m.to - 1]!.possessive || HELP.test(s.tokens[m.to]?.key ?? '');
    const partners = countriesOf(s, listAfter(s, withAt, end).filter((m) => !helper(m)), reading);
    const apart = partners.length > 0 && !subjects.some((c) => partners.some((p) => p.id === c.id));
    const pairs =
      apart && subjects.length >= 2 && partners.length === 1
        ? subjects.map((c) => [c, partners[0]!])
        : apart && subjects.length === 1 && partners.length >= 1
          ? partners.map((c) => [subjects[0]!, c])
          : parties.length === 2
            ? [parties]
            : [];
    // An end said as done ("severed ties on Monday") is ENDED; one announced or hypothetical is not proposed.
    if (pairs.length === 0 || (severed && claim !== 'DONE')) continue;
    reading.pair = { at: i, countries: pairs[0]! };
    spoken = pairs;
    push(pairs, severed ? 'ENDED' : claim, restored ? 'restored' : null, i, confidence, severed ? 'NONE' : 'ARTICLE');
  }
}

/**
 * The states listed after token `at` ("with B, C and D", "with the following states: B, C and D"), up to `end`: mentions
 * joined by commas, "and", "the"; the list stops at the first other word.
 */
function listAfter(s: Sentence, at: number, until: number): Mention[] {
  if (at < 0) return [];
  // "the following states:" opens the list after its colon (the first one after it in the sentence).
  if (s.tokens[at + 1]?.key === 'the' && s.tokens[at + 2]?.key === 'following') return followingList(s, at + 1);
  return namesFrom(s, at + 1, until);
}

/** "the following states ...: A, B and C" (token `the` at k): the names after the first colon after it. */
function followingList(s: Sentence, k: number): Mention[] {
  const colon = s.tokens.findIndex((t, j) => j >= k + 2 && t.post.includes(':'));
  return colon < 0 ? [] : namesFrom(s, colon + 1, s.tokens.length);
}

function namesFrom(s: Sentence, start: number, end: number): Mention[] {
  const out: Mention[] = [];
  let k = start;
  while (k < end) {
    const m = mentionAt(s, k);
    if (m && m.from === k) {
      out.push(m);
      k = m.to;
      // a list goes on after a comma or a space, never past a colon, semicolon or bracket
      if (/[:;()]/.test(s.tokens[k - 1]!.post)) break;
      continue;
    }
    if ((out.length === 0 ? /^(the|both)$/ : /^(and|the)$/).test(s.tokens[k]!.key)) {
      k++;
      continue;
    }
    break;
  }
  return out;
}

const EMBASSY_VERB = /^(re-?)?(open(s|ed|ing)?|establish(es|ed|ing)?)$|^(mov(e|es|ed|ing)|relocat(e|es|ed|ing)|transfer(s|red|ring)?|inaugurat(e|es|ed|ing)|clos(e|es|ed|ing)|shut(s|ting)?|suspend(s|ed|ing)?)$/;

function embassies(s: Sentence, dates: DateMention[], reading: Reading, lastCity: { city: Entity | null }): void {
  for (let i = 0; i < s.tokens.length; i++) {
    // An embassy, or a diplomatic mission (the guide counts one as the other).
    const mission = /^missions?$/.test(s.tokens[i]!.key) && s.tokens[i - 1]?.key === 'diplomatic';
    if (!/^embass(y|ies)$/.test(s.tokens[i]!.key) && !mission) continue;
    const from = clauseStart(s, i);
    const end = clauseEnd(s, i);
    const noun = mission ? i - 1 : i;
    let verb = -1;
    for (let k = Math.max(from, noun - 5); k < noun; k++) if (EMBASSY_VERB.test(s.tokens[k]!.key)) verb = k;
    // Before "embassy": its owner ("the U.S. embassy", "the Avalonian embassy") or its city ("its new Jerusalem embassy").
    const modifier = mentionAt(s, noun - 1);
    const modifierCity = modifier ? entityOf(modifier, ['CITY'])?.entity : undefined;
    const ownerByWord = modifier && !modifierCity ? modifier.entries.find((e) => e.entity.kind === 'COUNTRY' && e.via !== 'CAPITAL')?.entity : undefined;
    // After it: "the embassies of A and B", "of the following states: A, B and C" own it.
    const ofList = s.tokens[i + 1]?.key === 'of' ? listAfter(s, i + 1, end) : [];
    const owners = ofList.map((m) => m.entries.find((e) => e.entity.kind === 'COUNTRY' && e.via !== 'CAPITAL')?.entity).filter((e): e is Entity => !!e);
    // The verb after the embassy named ("the embassy has been closed since 2011", "the Avalonian embassy in X reopened on
    // Monday", "the embassies of A and B opened in X"): the embassy is the subject, or the one already spoken of.
    let passive = false;
    let head = noun - 1;
    if (modifier) head = modifier.from - 1;
    while (head >= 0 && /^(new|planned|future|former|old)$/.test(s.tokens[head]!.key)) head--;
    // ... or "A's embassy in X opened": the owner's possessive opens the phrase.
    const possessed = !!modifier && !!ownerByWord && s.tokens[modifier.to - 1]!.possessive;
    if (verb < 0 && (/^(the|its|their)$/.test(s.tokens[head]?.key ?? '') || owners.length > 0 || possessed)) {
      let k = s.tokens[i + 2]?.key === 'the' && s.tokens[i + 3]?.key === 'following' ? i + 5 : ofList.length > 0 ? ofList[ofList.length - 1]!.to : i + 1;
      // past "in <city>"
      if (/^(in|to)$/.test(s.tokens[k]?.key ?? '') && mentionAt(s, k + 1)) k = mentionAt(s, k + 1)!.to;
      const at = k;
      while (k < Math.min(end, at + 3) && /^(has|have|had|was|were|been|is|are|remains?|remained|officially|formally)$/.test(s.tokens[k]!.key)) k++;
      if (k < end && /^(closed|shut|reopened|re-opened|opened|inaugurated|moved|relocated)$/.test(s.tokens[k]!.key)) {
        verb = k;
        passive = true;
      }
    }
    // "wrote about the reopening of the embassy": a reference to an event, not its report.
    if (verb < 0 || /^(the|a|an)$/.test(s.tokens[verb - 1]?.key ?? '')) continue;
    const verbKey = s.tokens[verb]!.key;
    const moved = /^(mov|reloc|trans)/.test(verbKey);
    let claim = claimOf(s, from, verb, 'PLEDGED');
    if (!claim) continue;
    // "flew to X on Thursday to reopen the embassy": the purpose of a journey made is done, not planned.
    const to = s.tokens[verb - 1]?.key === 'to' ? verb - 1 : s.tokens[verb - 1]?.key === 're' && s.tokens[verb - 2]?.key === 'to' ? verb - 2 : -1;
    if (claim === 'PLEDGED' && to > 0 && has(s, from, to, /^(flew|travell?ed|went|came|arrived|visited)$/) && !has(s, from, to, FUTURE)) claim = 'DONE';
    // Negated ("has not opened", "no plans to move") is no event at all.
    if (negatedIn(s, from, verb, verb)) continue;
    // The event's kind from the verb: "reopened", "closed" (shut, suspended).
    // "re-open" may come as two words ("re", "open").
    const again = s.tokens[verb - 1]?.key === 're' && s.tokens[verb - 1]!.post === '-';
    const event = /^re-?(open|establish)/.test(verbKey) || (again && /^(open|establish)/.test(verbKey)) ? 'reopened' : /^(clos|shut|suspend)/.test(verbKey) ? 'closed' : null;
    // A closure done ("closed its embassy in") is the embassy's end (claim ENDED), never an opening; an announced or
    // suspended one is not proposed.
    if (event === 'closed' && (claim !== 'DONE' || /^suspend/.test(verbKey))) continue;
    // Whose: "the U.S. embassy", "the embassies of A and B", else the clause's subject.
    let subjects = ownerByWord ? [ownerByWord] : owners;
    let confidence = 0.9;
    if (subjects.length === 0 && !passive) subjects = countriesOf(s, subjectsBefore(s, verb, reading), reading);
    // An embassy named without its city ("closed Britain's embassy", "the embassy has been closed"): the one of that state
    // (or, in the passive, the one) the article spoke of last.
    const earlierEvent = [...reading.proposals].reverse().find((p) => p.type === 'OPENS_EMBASSY_IN' && p.city && (subjects.length === 0 ? passive : subjects.some((c) => c.id === p.subject?.id)));
    if (subjects.length === 0 && earlierEvent) subjects = [earlierEvent.subject!];
    if (subjects.length === 0) continue;
    // Where: the city after "in"/"to" (the last one when it moves), or "there".
    let city: Entity | null = null;
    let host: Entity | undefined;
    for (const m of s.mentions.filter((x) => x.from > i && x.to <= end)) {
      const prep = s.tokens[m.from - 1]?.key;
      const c = entityOf(m, ['CITY']);
      // "in Tehran", "to Jerusalem", "in Kosovo's capital Pristina"
      const capital = s.tokens[m.from - 1]?.key === 'capital' && /^(in|to)$/.test(s.tokens[m.from - 3]?.key ?? s.tokens[m.from - 2]?.key ?? '') ;
      if (c && (prep === 'in' || prep === 'to' || capital) && (!city || moved)) city = c.entity;
      const country = m.entries.find((e) => e.entity.kind === 'COUNTRY' && e.via === 'NAME');
      if (!c && country && prep === 'in' && !host) host = country.entity;
    }
    if (!city && modifierCity) city = modifierCity;
    // "in the Avalonian capital", "to the capital of Avalonia": that state's capital.
    if (!city) {
      const at = s.tokens.findIndex((t, k) => k > i && k < end && t.key === 'capital');
      const before = at > 0 ? mentionAt(s, at - 1) : undefined;
      const after = at > 0 && s.tokens[at + 1]?.key === 'of' ? mentionAt(s, at + 2) : undefined;
      const whose = (before ?? after)?.entries.find((e) => e.entity.kind === 'COUNTRY' && e.via !== 'CAPITAL')?.entity;
      const opened = before ? before.from - 1 : at - 1;
      if (whose && s.tokens[opened]?.key === 'the' && /^(in|to)$/.test(s.tokens[opened - 1]?.key ?? '')) city = reading.gazetteer.capitalOf(whose.id) ?? null;
    }
    const earlier = s.mentions.filter((m) => m.to <= i && entityOf(m, ['CITY'])).pop();
    const there = earlier ? entityOf(earlier, ['CITY'])!.entity : lastCity.city;
    if (!city && has(s, i + 1, Math.min(end, i + 3), /^there$/) && there) {
      city = there;
      confidence -= 0.1;
    }
    // "flew to X on Thursday to reopen the embassy": the one city the sentence went to before.
    const cities = s.mentions.filter((m) => entityOf(m, ['CITY']));
    if (!city && earlier && cities.length === 1 && /^(to|in)$/.test(s.tokens[earlier.from - 1]?.key ?? '') && s.tokens[verb - (again ? 2 : 1)]?.key === 'to') {
      city = entityOf(earlier, ['CITY'])!.entity;
      confidence -= 0.1;
    }
    if (!city && earlierEvent && event) {
      city = earlierEvent.city;
      host = host ?? earlierEvent.object ?? undefined;
      confidence -= 0.15;
    }
    // "opened its embassy in Bahrain": the one city of that state the article names anywhere.
    if (!city && host) {
      const known = reading.cities.get(host.id);
      if (known?.length === 1) {
        city = known[0]!;
        confidence -= 0.15;
      }
    }
    if (!city) continue;
    host = host ?? (city.countries[0] ? reading.gazetteer.country(city.countries[0]) : undefined);
    const done = claim === 'DONE';
    for (const subject of subjects.filter((c) => c.id !== host?.id)) {
      reading.proposals.push(
        proposal('OPENS_EMBASSY_IN', s, event === 'closed' ? 'ENDED' : claim, confidence, { subject, object: host ?? null, city, role: moved ? 'moved' : claim === 'DONE' ? event : null, ...dateFor(s, verb, dates, reading, done ? 'NONE' : 'ARTICLE') }),
      );
    }
  }
}

function kindOf(s: Sentence): AgreementKind {
  const words = s.tokens.map((t) => t.key).join(' ');
  if (/econom/.test(words)) return 'ECONOMIC_NORMALIZATION';
  if (/mutual recogni|recogni[sz]e each other/.test(words)) return 'MUTUAL_RECOGNITION';
  if (/diplomatic (relations|ties)/.test(words)) return 'DIPLOMATIC_RELATIONS';
  return 'OTHER';
}

const AGREEMENT_NOUN = /^(agreements?|deals?|accords?|pacts?|treaty|treaties|communiques?|communiqué|memorandums?|memoranda|mou|declarations?|protocols?|conventions?|charter|statement|document|annex)$/;

function agreements(s: Sentence, dates: DateMention[], reading: Reading): void {
  const push = (parties: Entity[], rest: Partial<Proposal>, claim: Claim, trigger: number, confidence: number) => {
    if (parties.length < 2) return;
    reading.agreement = parties;
    reading.pair = { at: trigger, countries: parties.slice(0, 2) };
    reading.proposals.push(proposal('AGREEMENT', s, claim, confidence, { parties, kind: kindOf(s), ...dateFor(s, trigger, dates, reading, claim === 'DONE' ? 'NONE' : 'ARTICLE'), ...rest }));
  };
  const brokers = brokersIn(s, reading);
  // People who witnessed a signing; they join the agreement the sentence (or, failing that, the article) spoke of last.
  const witnesses: Entity[] = [];
  const personsOf = (ms: Mention[]) => ms.map((m) => entityOf(m, ['PERSON'])?.entity).filter((e): e is Entity => !!e);
  for (let i = 0; i < s.tokens.length; i++) {
    const key = s.tokens[i]!.key;
    const from = clauseStart(s, i);
    // "The ceremony was witnessed by Name", "(signed) in the presence of Name and Name".
    const presence = key === 'presence' && s.tokens[i - 1]?.key === 'the' && s.tokens[i - 2]?.key === 'in' && s.tokens[i + 1]?.key === 'of';
    if ((key === 'witnessed' && s.tokens[i + 1]?.key === 'by') || presence) {
      witnesses.push(...personsOf(s.mentions.filter((m) => m.from > i + 1 && m.to <= clauseEnd(s, i + 1))));
      continue;
    }
    // "Name and Name attended (witnessed) the signing": those before the verb.
    if (/^(attended|witnessed|watched|attend|witness)$/.test(key) && s.tokens.slice(i + 1, i + 4).some((t) => t.key === 'signing')) {
      witnesses.push(...personsOf(subjectsBefore(s, i, reading)));
      continue;
    }
    if (/^(mediator|facilitator)$/.test(key)) {
      // "the AU mediator Name", "chief mediator Name said": the person mediates the agreement the article spoke of last.
      const person = personAt(s, i + 1);
      const who = person && entityOf(person, ['PERSON'])?.entity;
      const last = [...reading.proposals].reverse().find((p) => p.type === 'AGREEMENT');
      if (who && last && !last.mediators.some((m) => m.id === who.id)) last.mediators = [...last.mediators, who];
      continue;
    }
    // "the signing of the deal on Sunday by Name and Name": the noun, its agent a few words on.
    const signingBy = key === 'signing' && !s.tokens[i]!.tags.has('Verb') ? s.tokens.findIndex((t, j) => j > i && j <= i + 8 && t.key === 'by') : -1;
    if (signingBy > 0 && s.tokens.slice(i + 1, signingBy).every((t) => !t.tags.has('Verb'))) {
      const people = s.mentions.filter((m) => m.from > signingBy && m.to <= clauseEnd(s, signingBy)).map((m) => entityOf(m, ['PERSON'])?.entity).filter((e): e is Entity => !!e);
      const named = countriesOf(s, s.mentions.filter((m) => m.from > i && m.to <= signingBy && !isModifier(s, m)), reading);
      const parties = named.length >= 2 ? named : reading.agreement ?? [];
      if (people.length > 0) push(parties, { signatories: people, mediators: brokers }, 'DONE', i, 0.75);
      continue;
    }
    if (/^(signed|inked|initial(l)?ed)$/.test(key) && s.tokens[i + 1]?.key === 'by') {
      // The passive: "The document was signed by Name and his counterpart Name": the people after "by" sign the
      // agreement the clause names or the article spoke of last; its parties are theirs where the text gives none.
      // ... up to the next verb ("and was witnessed by Name": a witness signs nothing). "initialled by the A and B
      // delegations": the states named after "by" are the parties (an initialled text is agreed, not yet signed).
      const initialled = /^initial/.test(key);
      const stop = s.tokens.findIndex((t, j) => j > i + 1 && /^(was|were|is|are|witnessed|attended|after|while|before)$/.test(t.key));
      const until = Math.min(clauseEnd(s, i), stop < 0 ? s.tokens.length : stop);
      const after = s.mentions.filter((m) => m.from > i + 1 && m.to <= until);
      const people = after.map((m) => entityOf(m, ['PERSON'])?.entity).filter((e): e is Entity => !!e);
      const states = after.map((m) => m.entries.find((e) => e.entity.kind === 'COUNTRY')?.entity).filter((e): e is Entity => !!e).filter((c, k, all) => all.findIndex((x) => x.id === c.id) === k);
      if (people.length === 0 && !(initialled && states.length >= 2)) continue;
      const named = countriesOf(s, subjectsBefore(s, i, reading), reading);
      const theirs = people.length > 0 ? countriesOf(s, after.filter((m) => entityOf(m, ['PERSON'])), reading) : states;
      const parties = named.length >= 2 ? named : people.length === 0 ? states : reading.agreement ?? theirs;
      push(parties, { signatories: people, mediators: brokers, ...(initialled ? { role: 'initialled' } : {}) }, initialled ? 'ANNOUNCED' : 'DONE', i, 0.8);
      continue;
    }
    if ((/^(sign(s|ed|ing)?|initial(l)?(ed|ing|s))$/.test(key) && s.tokens[i]!.tags.has('Verb')) || /^initial(l)?(ed|ing|s)$/.test(key)) {
      // "Hoti and Vucic are scheduled to sign the pact"; "Serbia and Kosovo are expected to sign an agreement";
      // "A and B initialled the accord" (agreed, not signed: the role says so).
      const initialled = /^initial/.test(key);
      let claim = claimOf(s, from, i, 'ANNOUNCED');
      if (!claim) continue;
      if (initialled && claim === 'DONE') claim = 'ANNOUNCED';
      const who = subjectsBefore(s, i, reading);
      const people = who.map((m) => entityOf(m, ['PERSON'])?.entity).filter((e): e is Entity => !!e);
      // "A and B signed a C-brokered deal": C mediates, it is no party; "A signed an accord with B": B is one.
      let parties = countriesOf(s, who, reading).filter((c) => !brokers.some((b) => b.id === c.id));
      const noun = s.tokens.findIndex((t, j) => j > i && j <= i + 6 && AGREEMENT_NOUN.test(t.key));
      // "with B" after the agreement, past a day ("signed agreements on Friday with B").
      const withAt = noun > 0 ? s.tokens.findIndex((t, j) => j > noun && j <= noun + 4 && t.key === 'with' && s.tokens.slice(noun + 1, j).every((x) => !x.tags.has('Verb') && !mentionAt(s, s.tokens.indexOf(x)))) : -1;
      const partners = countriesOf(s, listAfter(s, withAt, clauseEnd(s, i)), reading).filter((c) => !brokers.some((b) => b.id === c.id));
      // "A and B signed separate agreements with C": one agreement of each with C, each signed by its own people.
      // The partners may be named by their people ("with the Carpanian minister Name"): their offices' states.
      const others = partners.length > 0 || withAt < 0 ? partners : distinct(s.mentions.filter((m) => m.from > withAt && m.to <= clauseEnd(s, i)).map((m) => reading.offices.get(entityOf(m, ['PERSON'])?.entity.id ?? '')).filter((c): c is string => !!c).map((c) => reading.gazetteer.country(c)).filter((c): c is Entity => !!c));
      if (noun > 0 && s.tokens.slice(i + 1, noun).some((t) => t.key === 'separate') && others.length > 0 && parties.length >= 2 && !initialled) {
        const home = (p: Entity) => reading.offices.get(p.id) ?? (p.countries.length === 1 ? p.countries[0] : undefined);
        for (const c of parties.filter((x) => !others.some((y) => y.id === x.id))) {
          push([c, ...others], { signatories: people.filter((p) => home(p) === c.id), mediators: brokers }, claim, i, 0.8);
        }
        continue;
      }
      if (partners.length > 0 && parties.length === 1 && !partners.some((c) => c.id === parties[0]!.id)) parties = [...parties, ...partners];
      // "The two countries signed it": the pair named last.
      if (parties.length < 2 && people.length === 0) parties = pairReference(s, from, i, reading) ?? parties;
      const rest = { mediators: brokers, ...(initialled ? { role: 'initialled' } : {}) };
      if (people.length > 0) push(parties.length >= 2 ? parties : reading.agreement ?? parties, { signatories: people, ...rest }, claim, i, 0.85);
      else push(parties, rest, claim, i, 0.85);
      continue;
    }
    if (/^(agreed|agree|agrees|pledged|pledge|pledges)$/.test(key)) {
      // "Kosovo and Israel have agreed to ...", "the two countries had agreed to ...", "Both Serbia and Kosovo pledged ..."
      // Relations agreed ("agreed to establish diplomatic relations") are one fact, the relations, unless the sentence
      // names an agreement too ("... in a deal brokered by C").
      if (has(s, i + 1, clauseEnd(s, i), /^(relations|ties)$/) && !has(s, 0, s.tokens.length, AGREEMENT_NOUN)) continue;
      let parties = countriesOf(s, subjectsBefore(s, i, reading), reading);
      let confidence = 0.85;
      if (parties.length < 2) {
        parties = pairReference(s, from, i, reading) ?? parties;
        confidence -= 0.1;
      }
      if (parties.length >= 2) push(parties, { mediators: brokers }, 'ANNOUNCED', i, confidence);
      continue;
    }
    if (/^(agreement|agreements|pact|deal|accord|treaty)$/.test(key) && brokers.length > 0) {
      // "a U.S.-brokered deal on mutual recognition": the states named beside it are its parties.
      const ids = brokers.map((b) => b.id);
      const parties = countriesOf(s, s.mentions.filter((m) => !isModifier(s, m)), reading).filter((c) => !ids.includes(c.id));
      push(parties, { mediators: brokers }, 'DONE', i, 0.8);
      continue;
    }
    if (/^(mediated|brokered|facilitated)$/.test(key) && (/^(agreement|agreements|pact|deal|accord|treaty|truce|ceasefire)$/.test(s.tokens[i - 1]?.key ?? '') || /^(was|were|been)$/.test(s.tokens[i - 1]?.key ?? ''))) {
      // The participle: "a deal brokered with U.S. help", "the accord was mediated by A": who follows "by" or "with"
      // mediates the agreement the sentence (or the article) spoke of; the subjects before it are its parties, not mediators.
      const prep = s.tokens.findIndex((t, j) => j > i && j <= i + 2 && /^(by|with)$/.test(t.key));
      if (prep < 0) continue;
      const mediators = s.mentions
        .filter((m) => m.from > prep && m.to <= clauseEnd(s, i) && s.tokens.slice(prep + 1, m.from).every((t) => CONNECTOR.has(t.key) || !!mentionAt(s, s.tokens.indexOf(t))))
        .map((m) => entityOf(m, ['PERSON', 'ORGANIZATION'])?.entity ?? actorCountry(s, m, reading) ?? m.entries.find((e) => e.entity.kind === 'COUNTRY')?.entity)
        .filter((e): e is Entity => !!e);
      const parties = countriesOf(s, subjectsBefore(s, i, reading), reading);
      const target = parties.length >= 2 ? parties : reading.agreement;
      if (mediators.length > 0 && target) push(target.filter((c) => !mediators.some((m) => m.id === c.id)), { mediators }, 'DONE', i, 0.8);
      continue;
    }
    if (/^(mediat(e|es|ed|ing)|broker(s|ed|ing)?)$/.test(key) && s.tokens[i]!.tags.has('Verb')) {
      // "O'Brien and the US envoy ..., Richard Grenell, is mediating between the two parties"
      const mediators = subjectsBefore(s, i, reading).map((m) => entityOf(m, ['PERSON', 'ORGANIZATION'])?.entity ?? actorCountry(s, m, reading)).filter((e): e is Entity => !!e);
      const between = s.mentions.filter((m) => m.from > i && m.to <= clauseEnd(s, i));
      let parties = countriesOf(s, between, reading);
      // "brokered the accord that A and B signed": the parties are named after the agreement, in the clause it opens.
      const noun = s.tokens.findIndex((t, j) => j > i && j <= i + 4 && AGREEMENT_NOUN.test(t.key));
      if (parties.length < 2 && noun > 0 && /^(that|which)$/.test(s.tokens[noun + 1]?.key ?? '')) {
        parties = countriesOf(s, s.mentions.filter((m) => m.from > noun + 1 && m.to <= clauseEnd(s, noun + 2) && !isModifier(s, m)), reading);
      }
      const target = parties.length >= 2 ? parties : pairReference(s, i, clauseEnd(s, i), reading) ?? reading.agreement;
      if (mediators.length > 0 && target) push(target, { mediators }, 'DONE', i, 0.8);
    }
  }
  if (witnesses.length > 0) {
    const last = [...reading.proposals].reverse().find((p) => p.type === 'AGREEMENT');
    if (last) last.witnesses = [...last.witnesses, ...witnesses.filter((w, k) => witnesses.findIndex((x) => x.id === w.id) === k && !last.witnesses.some((x) => x.id === w.id) && !last.signatories.some((x) => x.id === w.id))];
  }
}

function support(s: Sentence, dates: DateMention[], reading: Reading): void {
  for (let i = 0; i < s.tokens.length; i++) {
    const key = s.tokens[i]!.key;
    // "stands by B" is support too.
    const standsBy = /^(stands?|stood|standing)$/.test(key) && s.tokens[i + 1]?.key === 'by';
    if (!/^(support(s|ed|ing)?|back(s|ed|ing)?)$/.test(key) && !standsBy) continue;
    const from = clauseStart(s, i);
    if (negatedIn(s, from, i, i)) continue;
    let supporters: Entity[] = [];
    let supported: Entity[] = [];
    const by = standsBy ? -1 : s.tokens.findIndex((t, j) => j > i && j < i + 3 && /^(from|by)$/.test(t.key));
    // What is supported, a few words on: "B", "the cause of B", "B's position", "the territorial integrity of B".
    const supportedAfter = (at: number) => {
      const m = s.mentions.find((x) => x.from > at && x.from <= at + 6);
      const between = m ? s.tokens.slice(at + 1, m.from) : [];
      return m && between.every((t) => /^(the|cause|position|claim|claims|bid|proposal|plan|stance|independence|sovereignty|territorial|integrity|of|for|to|fully|strongly|firmly)$/.test(t.key)) ? countriesOf(s, [m], reading) : [];
    };
    const noun = key === 'support' && !s.tokens[i]!.tags.has('Verb') && by < 0;
    if (noun) {
      // "A's support for B", "A's strong support to B's plan": the possessive state before the noun supports.
      const owner = s.mentions.filter((m) => m.to <= i && i - m.to <= 1 && s.tokens[m.to - 1]!.possessive).pop();
      const giver = owner && actorCountry(s, owner, reading);
      if (giver && /^(for|to)$/.test(s.tokens[i + 1]?.key ?? '')) {
        supporters = [giver];
        supported = supportedAfter(i);
      }
    } else if (standsBy) {
      supporters = countriesOf(s, subjectsBefore(s, i, reading), reading);
      supported = supportedAfter(i + 1);
    } else if (by > 0) {
      // "Serbia is receiving support from its allies Russia and China"; "Serbia, backed by Russia"
      supporters = countriesOf(s, s.mentions.filter((m) => m.from > by && m.to <= clauseEnd(s, i) && !isModifier(s, m)), reading);
      supported = countriesOf(s, subjectsBefore(s, i, reading), reading);
    } else if (s.tokens[i]!.tags.has('Verb')) {
      // "Russia supports Serbia", "A fully supports the cause of B"
      supporters = countriesOf(s, subjectsBefore(s, i, reading), reading);
      const next = s.mentions.find((m) => m.from > i && m.from <= i + 3);
      supported = next ? countriesOf(s, [next], reading) : supportedAfter(i);
    }
    for (const a of supporters) for (const b of supported) if (a.id !== b.id) reading.proposals.push(proposal('SUPPORTS', s, 'DONE', 0.8, { subject: a, object: b, ...articleDate(reading.article.date) }));
  }
}

// ---------- the article ----------

/**
 * What makes two proposals one fact. A claim and its denial, a fact and its end, are two facts (two candidates, never
 * merged): a denied or ended proposal's key carries its sense; so does an embassy's event (reopened, closed). Keys of
 * facts stated plainly are unchanged, so candidate ids stay stable across versions.
 */
export function proposalKey(p: Proposal): string {
  const ids = (list: Entity[]) => list.map((e) => e.id).sort().join('+');
  const sense = p.claim === 'DENIED' ? '|denied' : p.claim === 'ENDED' && p.type !== 'HOLDS_OFFICE' ? '|ended' : '';
  // An agreement initialled and the same one signed later are two events (two candidates).
  if (p.type === 'AGREEMENT') return `AGREEMENT|${ids(p.parties)}${sense}${p.role === 'initialled' ? '|initialled' : ''}`;
  // Two offices of one person ("State Councilor and Foreign Minister") are two facts, as the graph records them.
  if (p.type === 'HOLDS_OFFICE') return [p.type, p.subject?.id, p.object?.id, '', p.role ?? ''].join('|') + sense;
  const [a, b] = p.type === 'HAS_DIPLOMATIC_RELATIONS_WITH' ? [p.subject?.id, p.object?.id].sort() : [p.subject?.id, p.object?.id];
  const event = p.type === 'OPENS_EMBASSY_IN' && p.role === 'reopened' && p.claim === 'DONE' ? '|reopened' : '';
  return [p.type, a, b, p.type === 'OPENS_EMBASSY_IN' ? p.city?.id : ''].join('|') + sense + event;
}

/** Two proposals of one fact with opposite senses: a claim and its denial (same relation, same states). */
export function disputes(p: Proposal, q: Proposal): boolean {
  return p !== q && p.type === q.type && p.subject?.id === q.subject?.id && p.object?.id === q.object?.id && (p.claim === 'DENIED') !== (q.claim === 'DENIED') && p.type !== 'AGREEMENT';
}

const ANAPHOR = /^(it|this|that|claim|claims|report|reports|reported|such|decision|move|allegation|allegations|news|statement)$/;
const DISPUTABLE = new Set<CandidateType>(['WITHDRAWAL_CLAIMED', 'RECOGNIZES', 'HAS_DIPLOMATIC_RELATIONS_WITH']);

/**
 * A denial in a sentence of its own ("A's president denied it", "the ministry said no such decision was taken", "called
 * the report fake news") answers a claim made shortly before: the last recognition, withdrawal or relations claim of the
 * three sentences before whose states include every state the denial names (one named by itself, a possessive, an
 * adjective or a person's office); a denial naming no state answers the sentence just before, and only when it points
 * back ("it", "such", "the report"). It is proposed as the same fact, DENIED, dated from its own sentence.
 */
function denialOf(s: Sentence, dates: DateMention[], recent: Proposal[][], reading: Reading): void {
  const cue = s.tokens.findIndex((t, k) => DENIAL.test(t.key) || DENIAL_WORD.test(t.key) || DENIAL_PAIR.test(`${t.key} ${s.tokens[k + 1]?.key ?? ''}`));
  if (cue < 0) return;
  const named = new Set<string>();
  for (const m of s.mentions) {
    const c = m.entries.find((e) => e.entity.kind === 'COUNTRY')?.entity ?? actorCountry(s, m, reading);
    if (c) named.add(c.id);
  }
  const pool = named.size > 0 ? recent.slice(-3) : has(s, 0, s.tokens.length, ANAPHOR) ? recent.slice(-1) : [];
  const claims = pool.flat().filter((p) => DISPUTABLE.has(p.type) && p.claim !== 'DENIED' && p.claim !== 'ENDED' && p.subject && p.object);
  const target = [...claims].reverse().find((p) => [...named].every((id) => id === p.subject!.id || id === p.object!.id));
  if (!target) return;
  reading.proposals.push({ ...target, claim: 'DENIED', evidence: evidence(s), confidence: Math.round((target.confidence - 0.15) * 100) / 100, ...dateFor(s, cue, dates, reading, 'ARTICLE') });
}

/** "A remains committed to its recognition of C" denies a claim, made in the same article, that A withdrew it. */
function affirmations(reading: Reading): void {
  for (const claim of reading.proposals.filter((p) => p.type === 'WITHDRAWAL_CLAIMED' && p.claim !== 'DENIED')) {
    const stands = reading.affirmed.find((a) => a.subject?.id === claim.subject?.id && a.object?.id === claim.object?.id);
    if (stands) reading.proposals.push({ ...claim, claim: 'DENIED', evidence: stands.evidence, confidence: 0.7, date: stands.date ?? null, datePrecision: stands.datePrecision, dateText: stands.dateText });
  }
}

/** One proposal per fact: the first evidence, the surest reading, every signatory and mediator named anywhere. */
function merge(proposals: Proposal[]): Proposal[] {
  const byKey = new Map<string, Proposal>();
  for (const p of proposals) {
    const key = proposalKey(p);
    const seen = byKey.get(key);
    if (!seen) {
      byKey.set(key, { ...p });
      continue;
    }
    const union = (a: Entity[], b: Entity[]) => [...a, ...b.filter((x) => !a.some((y) => y.id === x.id))];
    seen.signatories = union(seen.signatories, p.signatories);
    seen.witnesses = union(seen.witnesses, p.witnesses).filter((w) => !seen.signatories.some((x) => x.id === w.id));
    seen.mediators = union(seen.mediators, p.mediators);
    seen.confidence = Math.max(seen.confidence, p.confidence);
    if (!seen.dateText && p.dateText) Object.assign(seen, { date: p.date, datePrecision: p.datePrecision, dateText: p.dateText });
    if (seen.kind === 'OTHER' && p.kind) seen.kind = p.kind;
    if (!seen.role && p.role) seen.role = p.role;
    // An agreement agreed and then said signed in the article is signed.
    if (p.type === 'AGREEMENT' && seen.claim === 'ANNOUNCED' && p.claim === 'DONE') seen.claim = 'DONE';
  }
  return [...byKey.values()];
}

/** The state named most often in the article, when it is named at least twice and half as often again as the next. */
function focusOf(sentences: Sentence[]): Entity | null {
  const counts = new Map<string, { entity: Entity; n: number }>();
  for (const s of sentences) {
    for (const m of s.mentions) {
      const c = m.entries.find((e) => e.entity.kind === 'COUNTRY')?.entity;
      if (c) counts.set(c.id, { entity: c, n: (counts.get(c.id)?.n ?? 0) + 1 });
    }
  }
  const [top, next] = [...counts.values()].sort((a, b) => b.n - a.n);
  return top && top.n >= 2 && top.n >= 1.5 * (next?.n ?? 0) ? top.entity : null;
}

/**
 * The sentence's subjects: the names before its first verb, not governed by a preposition, not modifiers or owners
 * ("Avalonia's President Jane Roe said": Jane Roe). A pronoun later can only stand for one of these.
 */
function sentenceSubjects(s: Sentence, reading: Reading): { people: Entity[]; states: Entity[] } {
  const verb = s.tokens.findIndex((t, k) => t.tags.has('Verb') && !mentionAt(s, k) && !titleAt(s, k));
  const before = s.mentions.filter((m) => m.to <= (verb < 0 ? s.tokens.length : verb) && !afterPreposition(s, m, reading));
  const people = before.map((m) => entityOf(m, ['PERSON'])?.entity).filter((e): e is Entity => !!e);
  const states = before
    .filter((m) => !isModifier(s, m) && !s.tokens[m.to - 1]!.possessive)
    .map((m) => m.entries.find((e) => e.entity.kind === 'COUNTRY' && (e.via === 'NAME' || e.via === 'SEAT'))?.entity)
    .filter((e): e is Entity => !!e);
  return { people, states };
}

const distinct = (list: Entity[]) => list.filter((e, k) => list.findIndex((x) => x.id === e.id) === k);

/**
 * "He brokered the deal", "She said ...", "It recognized C": a pronoun that is a clause's subject stands for the
 * subject of the sentence before when that is one person (he, she) or one state (it), and the sentence before names
 * no other person (for he and she). Otherwise it stays a pronoun: no guess. An "it" of "it is", "it was" (often
 * no state at all: "it is expected that") is left alone.
 */
function resolvePronouns(s: Sentence, previous: { people: Entity[]; states: Entity[]; named: Entity[] } | null): void {
  if (!previous) return;
  for (let k = 0; k < s.tokens.length; k++) {
    const t = s.tokens[k]!;
    if (!/^(he|she|it|they)$/.test(t.key) || mentionAt(s, k)) continue;
    const before = s.tokens[k - 1];
    const opens = !before || BREAKS_AFTER.test(before.post) || BOUNDARY.has(before.key) || /^(and|but|then)$/.test(before.key) || REPORTING.test(before.key);
    const next = s.tokens[k + 1];
    if (!opens || !next || !(next.tags.has('Verb') || next.tags.has('Adverb') || next.tags.has('Modal') || next.tags.has('Auxiliary'))) continue;
    // Names of its own kind in the sentence before the pronoun: the pronoun may stand for them; no guess.
    const earlier = s.mentions.filter((m) => m.to <= k);
    let entity: Entity | undefined;
    if (t.key === 'they') {
      // "They signed ...": the states the sentence before was about (two or more, and no person), else the two people it
      // named ("A met B. They signed ..."); each a mention of the pronoun.
      if (earlier.length > 0) continue;
      const states = distinct(previous.states);
      const named = distinct(previous.named);
      const group = states.length >= 2 && previous.people.length === 0 ? states : named.length === 2 && states.length === 0 ? named : [];
      for (const e of group) s.mentions.push({ from: k, to: k + 1, entries: [{ entity: e, via: 'NAME' }] });
      continue;
    }
    if (t.key === 'it') {
      if (/^(is|was|'s|seems|seemed|appears|appeared|remains|remained)$/.test(next.key) || earlier.some((m) => m.entries.some((e) => e.entity.kind === 'COUNTRY'))) continue;
      const states = distinct(previous.states);
      if (states.length === 1) entity = states[0];
    } else {
      if (earlier.some((m) => entityOf(m, ['PERSON']))) continue;
      const people = distinct(previous.people);
      if (people.length === 1 && distinct(previous.named).length === 1) entity = people[0];
    }
    if (entity) s.mentions.push({ from: k, to: k + 1, entries: [{ entity, via: 'NAME' }] });
  }
  s.mentions.sort((a, b) => a.from - b.from);
}

/** Reads an article and proposes the facts it states; nothing here touches the graph. */
export function extract(article: Article, gazetteer: Gazetteer): Proposal[] {
  const reading = new Reading(article, gazetteer);
  const sentences = analyze(article.text, gazetteer);
  reading.focus = focusOf(sentences);
  for (const m of sentences.flatMap((s) => s.mentions)) {
    const city = entityOf(m, ['CITY'])?.entity;
    const code = city?.countries[0];
    if (!city || !code) continue;
    const list = reading.cities.get(code) ?? [];
    if (!list.some((c) => c.id === city.id)) list.push(city);
    reading.cities.set(code, list);
  }
  for (const s of sentences) {
    offices(s, reading);
    pluralOffices(s, reading);
  }
  const lastCity = { city: null as Entity | null };
  // What each sentence proposed, for a denial in a later sentence to answer.
  const recent: Proposal[][] = [];
  let previous: { people: Entity[]; states: Entity[]; named: Entity[] } | null = null;
  for (const s of sentences) {
    resolvePronouns(s, previous);
    const subjects = sentenceSubjects(s, reading);
    previous = { ...subjects, named: s.mentions.map((m) => entityOf(m, ['PERSON'])?.entity).filter((e): e is Entity => !!e) };
    const before = reading.proposals.length;
    const dates = datesIn(s.text, s.start, article.date);
    pairs(s, reading, s.tokens.length);
    recognitions(s, dates, reading);
    diplomaticRelations(s, dates, reading);
    embassies(s, dates, reading, lastCity);
    agreements(s, dates, reading);
    support(s, dates, reading);
    for (const m of s.mentions) {
      const city = entityOf(m, ['CITY']);
      if (city) lastCity.city = city.entity;
    }
    const added = reading.proposals.slice(before);
    if (!added.some((p) => p.claim === 'DENIED')) denialOf(s, dates, recent, reading);
    recent.push(added);
  }
  affirmations(reading);
  const merged = merge(reading.proposals);
  // "A has not recognized B" read twice, as a refusal and as a denial of the recognition: one candidate, the denial.
  const denied = (p: Proposal) => merged.some((q) => q.type === 'RECOGNIZES' && q.claim === 'DENIED' && q.subject?.id === p.subject?.id && q.object?.id === p.object?.id);
  return merged.filter((p) => (p.type !== 'AGREEMENT' || p.parties.length >= 2) && !(p.type === 'DOES_NOT_RECOGNIZE' && denied(p)));
}
