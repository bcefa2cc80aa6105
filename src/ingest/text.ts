import nlp from 'compromise';
import { slug } from '../graph/names';
import { Gazetteer, matchKey, type Entity, type Entry } from './gazetteer';

/** One word as compromise splits it, with where it sits in the article. */
export interface Token {
  text: string;
  key: string;
  start: number;
  end: number;
  tags: Set<string>;
  /** Punctuation and spaces after it (", " or "-"). */
  post: string;
  capitalized: boolean;
  possessive: boolean;
}

/** A name found in a sentence, covering tokens [from, to). */
export interface Mention {
  from: number;
  to: number;
  entries: Entry[];
}

export interface Sentence {
  text: string;
  start: number;
  end: number;
  tokens: Token[];
  mentions: Mention[];
}

interface Term {
  text: string;
  post: string;
  tags: string[];
  offset: { start: number; length: number };
}

/** compromise keeps "U.S.-brokered" as one term; the parts matter here ("U.S." is a state). */
function split(term: Term): Token[] {
  const make = (text: string, start: number, post: string): Token => ({
    text,
    key: matchKey(text),
    start,
    end: start + text.length,
    tags: new Set(term.tags),
    post,
    capitalized: /^\p{Lu}/u.test(text),
    possessive: /['\u2019]s?$/.test(text),
  });
  // compromise reads "Name's" as a contraction ("Name is") and adds a term with no text: no word of the article.
  if (term.text === '') return [];
  const parts = term.text.split(/(?<=\S)-(?=\S)/);
  // "St. Lucia": the abbreviation's dot is no sentence break inside a name.
  if (parts.length === 1 && /^(St|Ste|Mt|Ft)$/.test(term.text) && term.post.startsWith('.')) return [make(`${term.text}.`, term.offset.start, term.post.slice(1))];
  if (parts.length === 1) return [make(term.text, term.offset.start, term.post)];
  const tokens: Token[] = [];
  let at = term.offset.start;
  parts.forEach((part, i) => {
    tokens.push(make(part, at, i === parts.length - 1 ? term.post : '-'));
    at += part.length + 1;
  });
  return tokens;
}

const BREAKS = /[,;:()"\u201c\u201d]|\.\s/;
/** A break after a token, except the dot of an initial inside a name ("S. Jaishankar"). */
const breaksAfter = (t: Token) => BREAKS.test(t.post) && !(/^[a-z]$/.test(t.key) && t.capitalized && /^\.\s*$/.test(t.post));

/** Longest-first lookup of every name the gazetteer knows; short keys ("US") only as written in capitals. */
function findMentions(tokens: Token[], gazetteer: Gazetteer): Mention[] {
  const mentions: Mention[] = [];
  for (let i = 0; i < tokens.length; ) {
    let found: Mention | undefined;
    for (let n = Math.min(gazetteer.longest, tokens.length - i); n >= 1 && !found; n--) {
      const span = tokens.slice(i, i + n);
      if (!span[0]!.capitalized) continue;
      if (span.slice(0, -1).some((t) => BREAKS.test(t.post))) continue;
      const key = span.map((t) => t.key).join(' ');
      const entries = gazetteer.lookup(key);
      if (entries.length === 0) continue;
      if ((key.replace(/ /g, '').length <= 3 || gazetteer.initialisms.has(key)) && span.map((t) => t.text.replace(/[.'\u2019s]+$/g, '').replace(/\./g, '')).join('') !== key.toUpperCase()) continue;
      found = { from: i, to: i + n, entries };
    }
    if (found) {
      mentions.push(found);
      i = found.to;
    } else i++;
  }
  return mentions;
}

const TITLE_WORDS = new Set(['president', 'minister', 'prime', 'foreign', 'secretary', 'king', 'queen', 'chancellor', 'envoy', 'ambassador', 'advisor', 'adviser', 'national', 'security', 'counterpart', 'spokesman', 'spokeswoman', 'mr', 'mrs', 'ms', 'dr', 'sir', 'state', 'crown', 'prince', 'councilor', 'speaker', 'pope', 'sheikh', 'rev', 'affairs', 'leader', 'ruler', 'diplomat', 'deputy', 'vice', 'senior', 'supreme', 'mediator', 'facilitator']);

/**
 * People compromise recognises that the graph does not hold. A later mention of the surname alone
 * ("Hoti said") is the same person; `known` maps surnames seen so far in the article.
 */
/** Where compromise (or a title before it) says a name is; `titled`: right after a title. */
interface Span {
  start: number;
  end: number;
  titled?: boolean;
}

/** A mention that is only a place ("Victoria", a capital): after a title it may be a name instead ("Victoria Nuland"). */
const placeOnly = (m: Mention) => m.entries.every((e) => e.entity.kind === 'CITY' || e.via === 'CAPITAL');

function unknownPeople(sentence: { start: number; tokens: Token[]; mentions: Mention[] }, spans: Span[], known: Map<string, Entity>, gazetteer: Gazetteer): void {
  const covered = (i: number) => sentence.mentions.some((m) => i >= m.from && i < m.to);
  // A name after a title wins over a place read inside it.
  for (const span of spans.filter((x) => x.titled)) {
    const inside = sentence.mentions.filter((m) => sentence.tokens[m.from]!.start >= span.start && sentence.tokens[m.to - 1]!.end <= span.end);
    const name = sentence.tokens.filter((t) => t.start >= span.start && t.end <= span.end);
    if (inside.length > 0 && inside.every(placeOnly) && name.length > inside.reduce((n, m) => n + m.to - m.from, 0)) {
      sentence.mentions = sentence.mentions.filter((m) => !inside.includes(m));
    }
  }
  // The longest reading of a name first ("Name Surname" after a title, not compromise's "Name" alone).
  for (const span of [...spans].sort((a, b) => b.end - b.start - (a.end - a.start))) {
    let from = sentence.tokens.findIndex((t) => t.start >= span.start && t.end <= span.end);
    if (from < 0) continue;
    let to = from;
    while (to < sentence.tokens.length && sentence.tokens[to]!.end <= span.end) to++;
    // A name run on from a state or title ("... of Avalonia Jane Roe"): the person starts after them.
    while (from < to && (TITLE_WORDS.has(sentence.tokens[from]!.key) || covered(from))) from++;
    for (let k = from; k < to - 1; k++) if (breaksAfter(sentence.tokens[k]!)) to = k + 1;
    const tokens = sentence.tokens.slice(from, to).filter((t) => t.capitalized);
    if (tokens.length === 0 || sentence.tokens.slice(from, to).some((_, k) => covered(from + k))) continue;
    const name = sentence.tokens
      .slice(from, to)
      .map((t, k, all) => t.text.replace(/[\u2019']s$/, '') + (k < all.length - 1 ? (t.post.includes('-') ? '-' : ' ') : ''))
      .join('');
    const surname = matchKey(tokens[tokens.length - 1]!.text);
    const entity =
      known.get(surname) ??
      (tokens.length === 1 ? gazetteer.personBySurname(surname) : undefined) ??
      (tokens.length > 1 ? { kind: 'PERSON' as const, id: slug(name), name, known: false, countries: [] } : undefined);
    if (!entity) continue;
    known.set(surname, entity);
    sentence.mentions.push({ from, to, entries: [{ entity, via: 'NAME' }] });
  }
  sentence.mentions.sort((a, b) => a.from - b.from);
}

/**
 * A name the rules expect at token k (after a title in a list: "the leaders of A and B, Name Surname and ..."): two to
 * four capitalized words that are no state, title or other name, up to a comma or "and". The caller adds it to the
 * sentence's mentions if it uses it.
 */
export function nameAt(sentence: Sentence, k: number): Mention | undefined {
  const covered = (i: number) => sentence.mentions.some((m) => i >= m.from && i < m.to);
  let to = k;
  while (to < sentence.tokens.length && to - k < 4 && sentence.tokens[to]!.capitalized && !covered(to) && !TITLE_WORDS.has(sentence.tokens[to]!.key)) {
    to++;
    if (BREAKS.test(sentence.tokens[to - 1]!.post)) break;
  }
  if (to - k < 2) return undefined;
  const name = sentence.tokens
    .slice(k, to)
    .map((t) => t.text.replace(/[\u2019']s$/, ''))
    .join(' ');
  return { from: k, to, entries: [{ entity: { kind: 'PERSON', id: slug(name), name, known: false, countries: [] }, via: 'NAME' }] };
}

/** Splits the article into sentences and words (compromise) and finds the names in each. */
export function analyze(text: string, gazetteer: Gazetteer): Sentence[] {
  // Photo-position marks after a name ("Name (R)", "(2nd L)", "(centre)") are no words: blanked, offsets kept.
  const doc = nlp(text.replace(/\((?:\d(?:st|nd|rd|th) )?(?:[RLC]|left|right|cent(?:re|er)|front|back)\)/gi, (m) => ' '.repeat(m.length)));
  const json = doc.json({ offset: true, terms: { offset: true } }) as { text: string; offset: { start: number; length: number }; terms: Term[] }[];
  const people: Span[] = (doc.people().json({ offset: true }) as { offset: { start: number; length: number } }[]).map((p) => ({ start: p.offset.start, end: p.offset.start + p.offset.length }));
  // Capitalized words right after a title are a name too ("Foreign Minister Meliza Haradinaj-Stublla").
  const all = json.flatMap((s) => s.terms.flatMap(split));
  for (let i = 1; i < all.length; i++) {
    // After a title, or set off by commas after it ("the Prime Minister, Name Surname,").
    const apposition = all[i - 1]!.post.trim() === ',' && TITLE_WORDS.has(all[i - 1]!.key);
    if (!TITLE_WORDS.has(all[i - 1]!.key) || (BREAKS.test(all[i - 1]!.post) && !apposition)) continue;
    let j = i;
    while (j < all.length && all[j]!.capitalized && !TITLE_WORDS.has(all[j]!.key) && j - i < 4) {
      j++;
      if (breaksAfter(all[j - 1]!)) break;
    }
    if (j - i >= 2) people.push({ start: all[i]!.start, end: all[j - 1]!.end, titled: true });
  }
  const surnames = new Map<string, Entity>();
  return json.map((s) => {
    const tokens = s.terms.flatMap(split);
    const sentence: Sentence = { text: s.text, start: s.offset.start, end: s.offset.start + s.offset.length, tokens, mentions: findMentions(tokens, gazetteer) };
    for (const m of sentence.mentions) {
      const person = m.entries.find((e) => e.entity.kind === 'PERSON');
      if (person) surnames.set(matchKey(person.entity.name.split(' ').pop()!), person.entity);
    }
    unknownPeople(sentence, people.filter((p) => p.start >= sentence.start && p.end <= sentence.end), surnames, gazetteer);
    return sentence;
  });
}
