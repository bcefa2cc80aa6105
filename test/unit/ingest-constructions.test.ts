import { extract, type Proposal } from '../../src/ingest/extract';
import { Gazetteer } from '../../src/ingest/gazetteer';
import { datesIn } from '../../src/ingest/dates';
import { samePerson, scoreArticle, type Fact, type Score } from '../../src/cli/eval-ingest';
import { candidateId, flagsFor } from '../../src/ingest/review';

// Made-up sentences only: the corpus's articles are never copied here.
const gazetteer = new Gazetteer({
  countries: [
    { code: 'AA', name: 'Avalonia', aliases: [], demonyms: ['Avalonian'], capitals: ['Port Avalon'] },
    { code: 'BB', name: 'Borduria', aliases: [], demonyms: ['Bordurian'], capitals: ['Szohod'] },
    { code: 'CC', name: 'Carpania', aliases: [], demonyms: ['Carpanian'], capitals: ['Carpa'] },
    { code: 'DD', name: 'Dalmoria', aliases: [], demonyms: [], capitals: [] },
    { code: 'EE', name: 'Eldonia', aliases: ["People's Republic of Eldonia"], demonyms: [], capitals: [] },
    { code: 'FF', name: 'Republic of Eldonia', aliases: [], demonyms: [], capitals: [] },
    { code: 'GG', name: 'Gorvata', aliases: [], demonyms: [], capitals: [] },
    { code: 'HH', name: 'Free State of Hallandia', aliases: [], demonyms: [], capitals: [] },
  ],
  organizations: [],
  people: [],
  cities: [{ id: 'wd-q1', name: 'Nova Riva', aliases: [], country: 'BB' }],
});

const read = (text: string, date: string | null = '2024-05-10') => extract({ text, date }, gazetteer);
const facts = (ps: Proposal[], type: string) => ps.filter((p) => p.type === type).map((p) => `${p.subject?.id}>${p.object?.id}${p.city ? `@${p.city.name}` : ''}:${p.claim}`).sort();

describe('the extractor reads general constructions', () => {
  test('a passive recognition gives one fact per state after "by"', () => {
    const ps = read('Dalmoria has been recognized by Avalonia, Borduria and Carpania.');
    expect(facts(ps, 'RECOGNIZES')).toEqual(['AA>DD:DONE', 'BB>DD:DONE', 'CC>DD:DONE']);
    // "but not by C": never a recognition by C
    expect(facts(read('Dalmoria is recognized by Avalonia and Borduria, but not by Carpania.'), 'RECOGNIZES')).toEqual(['AA>DD:DONE', 'BB>DD:DONE']);
  });

  test('a list of subjects opening embassies gives one fact per member, with the city after "capital"', () => {
    const ps = read('Avalonia and Carpania have opened embassies in Borduria\'s capital Szohod.');
    expect(facts(ps, 'OPENS_EMBASSY_IN')).toEqual(['AA>BB@Szohod:DONE', 'CC>BB@Szohod:DONE']);
  });

  test('a reopened embassy is a reopening, and a city known only from the missions data set is found', () => {
    const ps = read('Avalonia reopened its embassy in Nova Riva on Sunday.');
    const p = ps.find((x) => x.type === 'OPENS_EMBASSY_IN')!;
    expect(p.city?.name).toBe('Nova Riva');
    expect(p.role).toBe('reopened');
    expect(p.date).toBe('2024-05-05');
  });

  test('a closed embassy is its end (ENDED), never an opening; an announced or suspended closure is not proposed', () => {
    expect(facts(read('Avalonia closed its embassy in Szohod after the attack.'), 'OPENS_EMBASSY_IN')).toEqual(['AA>BB@Szohod:ENDED']);
    expect(facts(read('Avalonia will close its embassy in Szohod.'), 'OPENS_EMBASSY_IN')).toEqual([]);
    expect(facts(read('Avalonia suspended its embassy in Szohod.'), 'OPENS_EMBASSY_IN')).toEqual([]);
  });

  test('severed ties are an end of relations (ENDED), never relations established; ties not severed are nothing', () => {
    expect(facts(read('Carpania severed ties with Dalmoria on Monday.'), 'HAS_DIPLOMATIC_RELATIONS_WITH')).toEqual(['CC>DD:ENDED']);
    expect(facts(read('Carpania broke its diplomatic ties with Dalmoria.'), 'HAS_DIPLOMATIC_RELATIONS_WITH')).toEqual(['CC>DD:ENDED']);
    expect(facts(read('Carpania has not severed ties with Dalmoria.'), 'HAS_DIPLOMATIC_RELATIONS_WITH')).toEqual([]);
    expect(facts(read('Carpania could sever ties with Dalmoria.'), 'HAS_DIPLOMATIC_RELATIONS_WITH')).toEqual([]);
  });

  test('a threat or a step only weighed is no fact: threatened to sever ties, considering recognition, threatened to close an embassy', () => {
    expect(read('Borduria has threatened to sever ties with Avalonia.')).toEqual([]);
    expect(read('Carpania threatened on Friday to cut diplomatic ties with Borduria.')).toEqual([]);
    expect(facts(read('Avalonia is considering recognizing Dalmoria.'), 'RECOGNIZES')).toEqual([]);
    expect(facts(read('Avalonia threatened to close its embassy in Nova Riva.'), 'OPENS_EMBASSY_IN')).toEqual([]);
    // the end said as done is still read
    expect(facts(read('Borduria severed ties with Avalonia on Friday.'), 'HAS_DIPLOMATIC_RELATIONS_WITH')).toEqual(['AA>BB:ENDED']);
  });

  test('"A and B severed ties with C": each with C, not A with B', () => {
    expect(facts(read('Avalonia and Borduria severed ties with Dalmoria in 2019.'), 'HAS_DIPLOMATIC_RELATIONS_WITH')).toEqual(['AA>DD:ENDED', 'BB>DD:ENDED']);
  });

  test('an embassy named without its city is the one spoken of last: a later closure or reopening of it, never a reference to one', () => {
    expect(facts(read('Avalonia opened an embassy in Szohod in 2008. The embassy has been closed since 2019.'), 'OPENS_EMBASSY_IN')).toEqual(['AA>BB@Szohod:DONE', 'AA>BB@Szohod:ENDED']);
    expect(facts(read("Avalonia reopened its embassy in Szohod on Sunday. Its president had closed Avalonia's embassy in 2019."), 'OPENS_EMBASSY_IN')).toEqual(['AA>BB@Szohod:DONE', 'AA>BB@Szohod:ENDED']);
    expect(facts(read('Avalonia will reopen its embassy in Szohod. A minister wrote about the reopening of the embassy.'), 'OPENS_EMBASSY_IN')).toEqual(['AA>BB@Szohod:PLEDGED']);
  });

  test('"switched recognition from B to C": the recognition of B ended and C recognized; to or from China, the other is Taiwan', () => {
    const gz = new Gazetteer({
      countries: [
        { code: 'AA', name: 'Avalonia', aliases: [], demonyms: [], capitals: [] },
        { code: 'BB', name: 'Borduria', aliases: [], demonyms: [], capitals: [] },
        { code: 'CC', name: 'Carpania', aliases: [], demonyms: [], capitals: [] },
        { code: 'CN', name: 'China', aliases: [], demonyms: [], capitals: ['Beijing'] },
        { code: 'TW', name: 'Taiwan', aliases: [], demonyms: [], capitals: ['Taipei'] },
      ],
      organizations: [],
      people: [],
      cities: [],
    });
    const on = (text: string) => extract({ text, date: '2024-05-10' }, gz);
    expect(facts(on('Avalonia switched recognition from Borduria to Carpania on Friday.'), 'RECOGNIZES')).toEqual(['AA>BB:ENDED', 'AA>CC:DONE']);
    expect(facts(on('Borduria says Avalonia has switched diplomatic recognition to China.'), 'RECOGNIZES')).toEqual(['AA>CN:DONE', 'AA>TW:ENDED']);
    expect(facts(on('Avalonia switched diplomatic ties from Taipei to Beijing.'), 'HAS_DIPLOMATIC_RELATIONS_WITH')).toEqual(['AA>CN:DONE', 'AA>TW:ENDED']);
    // announced: only the new recognition, announced
    expect(facts(on('Avalonia will switch recognition to China.'), 'RECOGNIZES')).toEqual(['AA>CN:ANNOUNCED']);
  });

  test('"the government of X" makes X the actor, not a state governed by a preposition', () => {
    const ps = read('The government of Avalonia announced on Tuesday the establishment of diplomatic relations with Borduria.');
    expect(facts(ps, 'HAS_DIPLOMATIC_RELATIONS_WITH')).toEqual(['AA>BB:ANNOUNCED']);
  });

  test('the possessor of "decision to recognize" is the one who recognizes, not the critic', () => {
    const ps = read("Borduria criticised Avalonia's decision to recognize Dalmoria.");
    // a decision taken: the recognition is done (a plan would be ANNOUNCED)
    expect(facts(ps, 'RECOGNIZES')).toEqual(['AA>DD:DONE']);
  });

  test('a state is found by the initials of its name, written in capitals only', () => {
    expect(facts(read('The FSH recognized Dalmoria on Monday.'), 'RECOGNIZES')).toEqual(['HH>DD:DONE']);
    expect(facts(read('Fsh recognized Dalmoria on Monday.'), 'RECOGNIZES')).toEqual([]);
  });

  test('"joining A, B and C" after a recognition: each state of the list recognizes the same state', () => {
    expect(facts(read('Gorvata recognized Dalmoria on Monday, joining Avalonia, Borduria and Carpania.'), 'RECOGNIZES')).toEqual(['AA>DD:DONE', 'BB>DD:DONE', 'CC>DD:DONE', 'GG>DD:DONE']);
  });

  test('"refutes" is a denial: the claim it answers is proposed as denied, never as done', () => {
    expect(facts(read('Borduria refutes reports that Avalonia withdrew its recognition of Dalmoria.'), 'WITHDRAWAL_CLAIMED')).toEqual(['AA>DD:DENIED']);
  });

  test('a withdrawal denied in its own clause ("has not withdrawn", "not possible to rescind") is DENIED, never done', () => {
    expect(facts(read('Avalonia has not withdrawn its recognition of Dalmoria, its president said.'), 'WITHDRAWAL_CLAIMED')).toEqual(['AA>DD:DENIED']);
    expect(facts(read('Borduria claims Avalonia revoked its recognition of Dalmoria. The Dalmorian government said it was not possible for Avalonia to rescind its recognition.'), 'WITHDRAWAL_CLAIMED')).toEqual(['AA>DD:DENIED', 'AA>DD:DONE']);
  });

  test('a claim and its denial in later sentences are two proposals, the denial answering the claim', () => {
    const claim = "Avalonia's foreign ministry said on Monday it had withdrawn its recognition of Dalmoria.";
    expect(facts(read(`${claim} Avalonia's president denied it on Wednesday.`), 'WITHDRAWAL_CLAIMED')).toEqual(['AA>DD:DENIED', 'AA>DD:DONE']);
    const ps = read(`${claim} The president said no such decision was taken.`);
    expect(facts(ps, 'WITHDRAWAL_CLAIMED')).toEqual(['AA>DD:DENIED', 'AA>DD:DONE']);
    // the claim is dated when made, the denial from its own sentence
    expect(ps.filter((p) => p.type === 'WITHDRAWAL_CLAIMED').map((p) => `${p.claim} ${p.date}`).sort()).toEqual(['DENIED 2024-05-10', 'DONE 2024-05-06']);
    expect(facts(read(`${claim} A Dalmorian minister called the report fake news.`), 'WITHDRAWAL_CLAIMED')).toEqual(['AA>DD:DENIED', 'AA>DD:DONE']);
    expect(facts(read(`${claim} Avalonia remains committed to its recognition of Dalmoria, its president said.`), 'WITHDRAWAL_CLAIMED')).toEqual(['AA>DD:DENIED', 'AA>DD:DONE']);
  });

  test('a denial answers only a claim about the states it names, and one naming none only the sentence before', () => {
    // a third state's denial is not this claim's denial
    expect(facts(read("Avalonia said it had withdrawn its recognition of Dalmoria. Carpania's president denied it."), 'WITHDRAWAL_CLAIMED')).toEqual(['AA>DD:DONE']);
    // a denial that names no state and does not point back answers nothing
    expect(facts(read('Avalonia said it had withdrawn its recognition of Dalmoria. Officials denied wrongdoing in an unrelated case.'), 'WITHDRAWAL_CLAIMED')).toEqual(['AA>DD:DONE']);
    expect(facts(read('Avalonia said it had withdrawn its recognition of Dalmoria. The talks went on. The weather was fine. Officials said it was not true.'), 'WITHDRAWAL_CLAIMED')).toEqual(['AA>DD:DONE']);
  });

  test('a claim and its denial in one made-up article: two candidates, both flagged DISPUTED', () => {
    const ps = read("Avalonia's foreign ministry said on Monday it had withdrawn its recognition of Dalmoria. Avalonia's president denied it on Wednesday, saying no such decision was taken.");
    const claims = ps.filter((p) => p.type === 'WITHDRAWAL_CLAIMED');
    expect(claims.map((p) => p.claim).sort()).toEqual(['DENIED', 'DONE']);
    // two candidate ids, never merged
    expect(new Set(claims.map((p) => candidateId('src-1', p))).size).toBe(2);
    const none = { facts: [], agreements: [] };
    for (const p of claims) expect(flagsFor(p, none, ps).flags.map((f) => f.kind)).toEqual(['DISPUTED']);
    // the claim's flag points at the denial
    expect(flagsFor(claims.find((p) => p.claim === 'DONE')!, none, ps).flags[0]!.message).toContain('denied it on Wednesday');
    // without the article's other proposals, only the denial is disputed
    expect(flagsFor(claims.find((p) => p.claim === 'DONE')!, none).flags).toEqual([]);
  });

  test('"remains committed to its recognition" is a recognition that stands, not an announcement', () => {
    expect(facts(read('Avalonia remains committed to its recognition of Dalmoria.'), 'RECOGNIZES')).toEqual(['AA>DD:DONE']);
  });

  test('a name with a possessive in it is read whole, with curly apostrophes too', () => {
    const ps = read('The People\u2019s Republic of Eldonia and Dalmoria established diplomatic relations.');
    expect(facts(ps, 'HAS_DIPLOMATIC_RELATIONS_WITH')).toEqual(['DD>EE:DONE']);
  });
});

describe('relations: relative clauses, restorations, lists and names', () => {
  const ties = (text: string) => facts(read(text), 'HAS_DIPLOMATIC_RELATIONS_WITH');
  const dated = (text: string) =>
    read(text)
      .filter((p) => p.type === 'HAS_DIPLOMATIC_RELATIONS_WITH')
      .map((p) => `${p.subject?.id}>${p.object?.id}:${p.claim}${p.role ? `/${p.role}` : ''} ${p.date}`)
      .sort();

  test('a relative clause acts for its antecedent, and the main verb pairs the antecedent with its own object', () => {
    expect(dated('Avalonia, which cut ties with Borduria in 2019, established diplomatic relations with Carpania on Monday.')).toEqual(['AA>BB:ENDED 2019-01-01', 'AA>CC:DONE 2024-05-06']);
    // a refusal in the relative clause does not negate the main clause
    expect(ties('Avalonia, which has not recognized Dalmoria, established diplomatic relations with Borduria on Monday.')).toEqual(['AA>BB:DONE']);
    expect(facts(read('Avalonia, which has not recognized Dalmoria, established diplomatic relations with Borduria on Monday.'), 'DOES_NOT_RECOGNIZE')).toEqual(['AA>DD:DONE']);
  });

  test('restored or resumed ties are relations "restored"; "resumed them" and "which it had cut" point back to the ties', () => {
    expect(dated('Avalonia restored diplomatic relations with Borduria on Monday.')).toEqual(['AA>BB:DONE/restored 2024-05-06']);
    expect(dated('Avalonia broke off relations with Borduria in 2010 and resumed them in 2015.')).toEqual(['AA>BB:DONE/restored 2015-01-01', 'AA>BB:ENDED 2010-01-01']);
    expect(dated('Avalonia restored ties with Borduria, which it had cut in 2018.')).toEqual(['AA>BB:DONE/restored 2024-05-10', 'AA>BB:ENDED 2018-01-01']);
    // agreed, not yet done; a restoration denied is nothing
    expect(ties('Avalonia agreed to resume diplomatic relations with Borduria.')).toEqual(['AA>BB:ANNOUNCED']);
    expect(ties('Avalonia has not restored ties with Borduria.')).toEqual([]);
    // "them" with no ties spoken of before is nothing
    expect(ties('Avalonia sent envoys to Borduria and cut them off.')).toEqual([]);
  });

  test('one state with a list after "with" (or "the following states:") gives one pair per member', () => {
    expect(ties('Avalonia established diplomatic relations with Borduria, Carpania and Dalmoria in 2001.')).toEqual(['AA>BB:DONE', 'AA>CC:DONE', 'AA>DD:DONE']);
    expect(ties('Avalonia has established relations with the following states: Borduria, Carpania and Dalmoria.')).toEqual(['AA>BB:DONE', 'AA>CC:DONE', 'AA>DD:DONE']);
  });

  test('the object of an earlier verb is no subject of a later one; the reported clause\'s subject acts, not the reporter', () => {
    expect(facts(read('Avalonia recognized Dalmoria on Monday, and Carpania opened an embassy in Nova Riva.'), 'OPENS_EMBASSY_IN')).toEqual(['CC>BB@Nova Riva:DONE']);
    expect(facts(read('Carpania said Avalonia had opened an embassy in Nova Riva.'), 'OPENS_EMBASSY_IN')).toEqual(['AA>BB@Nova Riva:DONE']);
  });

  test('short names news use ("Britain", "UK") and "St" for "Saint" find the state', () => {
    const gz = new Gazetteer({
      countries: [
        { code: 'GB', name: 'United Kingdom', aliases: ['Great Britain'], demonyms: ['British'], capitals: ['London'] },
        { code: 'LC', name: 'Saint Lucia', aliases: [], demonyms: [], capitals: [] },
        { code: 'DD', name: 'Dalmoria', aliases: [], demonyms: [], capitals: [] },
      ],
      organizations: [],
      people: [],
      cities: [],
    });
    const on = (text: string) => facts(extract({ text, date: '2024-05-10' }, gz), 'RECOGNIZES');
    expect(on('Britain recognized Dalmoria on Monday.')).toEqual(['GB>DD:DONE']);
    expect(on('The U.K. recognized Dalmoria on Monday.')).toEqual(['GB>DD:DONE']);
    expect(on('St. Lucia recognized Dalmoria on Monday.')).toEqual(['LC>DD:DONE']);
    // "uk" in lower case is no name
    expect(on('The uk recognized Dalmoria on Monday.')).toEqual([]);
  });
});

describe('negation said by a noun or a verb of refusal: a refusal or nothing, never a recognition', () => {
  test.each([
    'The refusal of Avalonia to recognize Dalmoria angered Borduria.',
    "Avalonia's non-recognition of Dalmoria continues.",
    'Avalonia has yet to recognize Dalmoria.',
    'Avalonia stopped short of recognizing Dalmoria.',
    'Avalonia refrained from recognizing Dalmoria.',
    'Avalonia withheld recognition of Dalmoria.',
    'Avalonia opposes the recognition of Dalmoria.',
    'Avalonia ruled out recognizing Dalmoria.',
    'Avalonia failed to recognize Dalmoria.',
  ])('%s', (text) => {
    const ps = read(text);
    expect(facts(ps, 'RECOGNIZES')).toEqual([]);
    expect(facts(ps, 'DOES_NOT_RECOGNIZE')).toEqual(['AA>DD:DONE']);
  });

  test('a failed opening or restoration is no event; a negation after the verb does not negate it', () => {
    expect(facts(read('Avalonia failed to open an embassy in Szohod.'), 'OPENS_EMBASSY_IN')).toEqual([]);
    expect(facts(read('Avalonia declined to restore ties with Borduria.'), 'HAS_DIPLOMATIC_RELATIONS_WITH')).toEqual([]);
    expect(facts(read('Avalonia recognized Dalmoria without consulting Borduria.'), 'RECOGNIZES')).toEqual(['AA>DD:DONE']);
  });
});

describe('lists: one fact per member', () => {
  test('a list introduced by a colon ("the following states: A, B and C") as subject, object or owner', () => {
    expect(facts(read('The following countries have recognized Dalmoria: Avalonia, Borduria and Carpania.'), 'RECOGNIZES')).toEqual(['AA>DD:DONE', 'BB>DD:DONE', 'CC>DD:DONE']);
    expect(facts(read('Dalmoria has been recognized by the following countries: Avalonia, Borduria and Carpania.'), 'RECOGNIZES')).toEqual(['AA>DD:DONE', 'BB>DD:DONE', 'CC>DD:DONE']);
    expect(facts(read('Avalonia has recognized the following states: Borduria, Carpania and Dalmoria.'), 'RECOGNIZES')).toEqual(['AA>BB:DONE', 'AA>CC:DONE', 'AA>DD:DONE']);
    expect(facts(read('The embassies of the following states opened in Szohod on Monday: Avalonia, Carpania and Dalmoria.'), 'OPENS_EMBASSY_IN')).toEqual(['AA>BB@Szohod:DONE', 'CC>BB@Szohod:DONE', 'DD>BB@Szohod:DONE']);
  });

  test('several states recognized, or refused, in one clause: one fact each', () => {
    expect(facts(read('Avalonia recognized Borduria and Dalmoria in 2001.'), 'RECOGNIZES')).toEqual(['AA>BB:DONE', 'AA>DD:DONE']);
    expect(facts(read('Avalonia does not recognize Borduria and Dalmoria.'), 'DOES_NOT_RECOGNIZE')).toEqual(['AA>BB:DONE', 'AA>DD:DONE']);
    expect(read('Avalonia does not recognize Borduria and Dalmoria.').filter((p) => p.type === 'RECOGNIZES')).toEqual([]);
  });
});

describe('embassies said in other shapes', () => {
  test('a city used as a modifier ("its new Nova Riva embassy") is where the embassy is', () => {
    expect(facts(read('Avalonia opened its new Nova Riva embassy on Monday.'), 'OPENS_EMBASSY_IN')).toEqual(['AA>BB@Nova Riva:DONE']);
  });

  test('the embassy as subject: its owner before it or after "of", its verb after it', () => {
    expect(facts(read('The Avalonian embassy in Szohod reopened on Monday.'), 'OPENS_EMBASSY_IN')).toEqual(['AA>BB@Szohod:DONE']);
    expect(read('The Avalonian embassy in Szohod reopened on Monday.').find((p) => p.type === 'OPENS_EMBASSY_IN')!.role).toBe('reopened');
    expect(facts(read('The embassies of Avalonia and Carpania opened in Szohod on Monday.'), 'OPENS_EMBASSY_IN')).toEqual(['AA>BB@Szohod:DONE', 'CC>BB@Szohod:DONE']);
    // a mention of the embassy with no event is nothing
    expect(facts(read('The Avalonian embassy in Szohod is on a hill.'), 'OPENS_EMBASSY_IN')).toEqual([]);
  });
});

describe('pronouns as subjects', () => {
  const mediators = (text: string) => read(text).filter((p) => p.type === 'AGREEMENT').map((p) => `${p.parties.map((e) => e.id).sort().join('+')}|${p.mediators.map((e) => e.name).join(',')}`);

  test('"she brokered" is the one person of the sentence before', () => {
    expect(mediators('Carpanian President Jane Roe met both leaders in Lindon. She brokered the peace accord that Avalonia and Borduria signed on Monday.')).toEqual(['AA+BB|Jane Roe']);
  });

  test('"it recognized" is the one state that was the subject of the sentence before', () => {
    expect(facts(read('Avalonia opened an embassy in Szohod in 2001. It recognized Dalmoria on Monday.'), 'RECOGNIZES')).toEqual(['AA>DD:DONE']);
  });

  test('no guess when the sentence before has two candidates, none, or the pronoun is an expletive', () => {
    // two states as subjects, two people named: the pronoun stays unresolved
    expect(facts(read('Avalonia and Borduria met in 2001. It recognized Dalmoria on Monday.'), 'RECOGNIZES')).toEqual([]);
    expect(mediators('Carpanian President Jane Roe met Avalonian Prime Minister Tom Ray. He brokered the accord that Avalonia and Borduria signed.')).toEqual(['AA+BB|']);
    // no state as subject before ("the deal"), and a pronoun two sentences away, are left
    expect(facts(read('The deal was signed in Lindon. It recognized Dalmoria on Monday.'), 'RECOGNIZES')).toEqual([]);
    expect(mediators('Carpanian President Jane Roe met reporters on Monday. The talks went on. He brokered the accord that Avalonia and Borduria signed.')).toEqual(['AA+BB|']);
    // "it is expected that": no state
    expect(facts(read('Avalonia opened an embassy in Szohod in 2001. It is expected that Borduria will recognize Dalmoria.'), 'RECOGNIZES')).toEqual(['BB>DD:ANNOUNCED']);
  });
});

describe('agreements: signatories, parties and brokers', () => {
  const agreements = (text: string) =>
    read(text)
      .filter((p) => p.type === 'AGREEMENT')
      .map((p) => `${p.parties.map((e) => e.id).sort().join('+')}|signed:${p.signatories.map((e) => e.name).sort().join(',')}|mediators:${p.mediators.map((e) => e.id).sort().join(',')}`);

  test('signatories in the passive sign the agreement spoken of before; a witness after them signs nothing', () => {
    expect(
      agreements('Avalonia and Borduria signed an accord on Monday. The document was signed by Avalonian Foreign Minister Ilse Varn and her Bordurian counterpart Piotr Sola, and was witnessed by Carpanian President Ruth Ames.'),
    ).toEqual(['AA+BB|signed:Ilse Varn,Piotr Sola|mediators:']);
  });

  test('a deal "brokered with X help" makes X a mediator, not a party, and the subjects are not mediators', () => {
    expect(agreements('Avalonia and Borduria agreed on Monday to normalize relations in a deal brokered with Carpanian help.')).toEqual(['AA+BB|signed:|mediators:CC']);
  });

  test('relations agreed are one fact, not also an agreement of the same parties, unless the sentence names an agreement', () => {
    const ps = read('Avalonia and Borduria agreed to establish diplomatic relations on Monday.');
    expect(facts(ps, 'HAS_DIPLOMATIC_RELATIONS_WITH')).toEqual(['AA>BB:ANNOUNCED']);
    expect(agreements('Avalonia and Borduria agreed to establish diplomatic relations on Monday.')).toEqual([]);
    expect(agreements('Avalonia and Borduria agreed on Monday to restore diplomatic relations in a deal brokered by Carpania.')).toEqual(['AA+BB|signed:|mediators:CC']);
  });

  test('an initialled agreement is agreed, not signed: its role says "initialled", and a later signing is another candidate', () => {
    const ps = read('Avalonia and Borduria initialled a peace agreement on Monday. The two countries signed it in Lindon on Friday.');
    expect(ps.filter((p) => p.type === 'AGREEMENT').map((p) => `${p.parties.map((e) => e.id).join('+')}:${p.claim}:${p.role}`)).toEqual(['AA+BB:ANNOUNCED:initialled', 'AA+BB:DONE:null']);
    const passive = read('The agreement was initialled by Avalonian and Bordurian negotiators on Monday.').filter((p) => p.type === 'AGREEMENT');
    expect(passive.map((p) => `${p.parties.map((e) => e.id).sort().join('+')}:${p.role}:${p.date}`)).toEqual(['AA+BB:initialled:2024-05-06']);
    // "initial" as an adjective is no initialling
    expect(agreements('The initial agreement between Avalonia and Borduria was discussed in 2001.')).toEqual([]);
  });

  test('"A signed an agreement with B": B is a party', () => {
    expect(agreements('Avalonia signed a trade agreement with Borduria on Monday.')).toEqual(['AA+BB|signed:|mediators:']);
  });

  test('"A and B signed a C-brokered deal": C mediates', () => {
    expect(agreements('Avalonia and Borduria signed a Carpania-brokered deal on Monday.')).toEqual(['AA+BB|signed:|mediators:CC']);
  });
});

describe('offices said in other shapes', () => {
  const office = (text: string) => read(text).filter((p) => p.type === 'HOLDS_OFFICE').map((p) => `${p.subject?.name}|${p.object?.id}|${p.role}`);

  test('a people\'s adjective the graph lacks is made from the name ("Gorvata" -> "Gorvatan")', () => {
    expect(office('Gorvatan Foreign Minister Lena Marsk spoke first.')).toEqual(['Lena Marsk|GG|Foreign Minister']);
  });

  test('the state after "of", before or after the person', () => {
    expect(office('Foreign Minister of Carpania Maria Dranec arrived on Monday.')).toEqual(["Maria Dranec|CC|Foreign Minister"]);
    expect(office('Foreign Minister Maria Dranec of Carpania arrived on Monday.')).toEqual(["Maria Dranec|CC|Foreign Minister"]);
  });

  test('a title that ends in "of State" still runs into the name', () => {
    expect(office('Avalonian Secretary of State Mara Quill visited the region.')).toEqual(['Mara Quill|AA|Secretary of State']);
  });

  test('any portfolio before "Minister" is a title', () => {
    expect(office('Bordurian Fisheries Minister Olek Varga resigned.')).toEqual(['Olek Varga|BB|Fisheries Minister']);
  });

  test('a crown prince is an office', () => {
    expect(office('Carpanian Crown Prince Tomas Rell received the delegation.')).toEqual(['Tomas Rell|CC|Crown Prince']);
  });

  test('a title without a state word takes the one state its sentence names, else the state the article is about', () => {
    expect(office('Avalonia opened talks on Monday. Avalonia wants peace. Foreign Minister Jane Roe said the talks went well.')).toEqual(['Jane Roe|AA|Foreign Minister']);
    expect(office('Foreign Secretary John Doe watched the Bordurian flag being raised.')).toEqual(['John Doe|BB|Foreign Secretary']);
    // two states, neither ahead: no guess
    expect(office('Avalonia and Borduria met on Monday. Foreign Minister Jane Roe said the talks went well.')).toEqual([]);
  });

  test('a state that belongs to another title is not guessed for a second one; "Mr." is no part of the name', () => {
    expect(office('The Bordurian President, Mr. Tom Ray, received Mr. Ali Vance, President of the Council.')).toEqual(['Tom Ray|BB|President']);
  });

  test('titles joined by "and" are each an office of the person named after the last', () => {
    expect(office('Carpanian State Councilor and Foreign Minister Li Wen met the press.').sort()).toEqual(['Li Wen|CC|Foreign Minister', 'Li Wen|CC|State Councilor']);
  });

  test('a title in an apposition after the name, with the state after "of"', () => {
    expect(office('Mark Stone, vice president and prime minister of Avalonia, arrived on Monday.').sort()).toEqual(['Mark Stone|AA|Prime Minister', 'Mark Stone|AA|Vice President']);
  });

  test('a title set off by commas before the name, after a possessive state ("Country\'s Title, Name,")', () => {
    expect(office("Avalonia's Foreign Minister, Jane Roe, said the talks went well.")).toEqual(['Jane Roe|AA|Foreign Minister']);
    expect(office("Avalonia's state minister for foreign affairs, Tom Ray, said the talks went well.")).toEqual(['Tom Ray|AA|State Minister for Foreign Affairs']);
  });

  test('"who is" / "was" a title: the office of the person before, in the past for "was"', () => {
    const shaped = (text: string) => read(text).filter((p) => p.type === 'HOLDS_OFFICE').map((p) => `${p.subject?.name}|${p.object?.id}|${p.role}|${p.claim}`);
    expect(shaped("Tom Ray, who is Avalonia's foreign minister, met reporters.")).toEqual(['Tom Ray|AA|Foreign Minister|DONE']);
    expect(shaped("Tom Ray, who was Avalonia's foreign minister, met reporters.")).toEqual(['Tom Ray|AA|Foreign Minister|ENDED']);
    expect(shaped('Tom Ray was president of Avalonia from 2001 to 2005.')).toEqual(['Tom Ray|AA|President|ENDED']);
    expect(shaped('Tom Ray is the president of Avalonia.')).toEqual(['Tom Ray|AA|President|DONE']);
    // "will be" is no office yet
    expect(shaped("Tom Ray, who will be Avalonia's new foreign minister, met reporters.")).toEqual([]);
  });

  test('an ambassador\'s title names the post; whose ambassador comes from the state word, never from the post', () => {
    expect(office('Avalonian ambassador to Borduria Tom Ray met reporters.')).toEqual(['Tom Ray|AA|Ambassador to Borduria']);
    expect(office('Tom Ray, the Avalonian ambassador to Borduria, met reporters.')).toEqual(['Tom Ray|AA|Ambassador to Borduria']);
    expect(office('Ambassador to Borduria Tom Ray met reporters.')).toEqual([]);
  });

  test('a spokesman is an office; photo-position marks after a name are no part of it', () => {
    expect(office("Avalonia's spokesman Tom Ray said the talks went well.")).toEqual(['Tom Ray|AA|Spokesman']);
    expect(office('Bordurian Prime Minister Pedro Sánchez (R) and Avalonian President Jane Roe (2nd L) met in Szohod.').sort()).toEqual(['Jane Roe|AA|President', 'Pedro Sánchez|BB|Prime Minister']);
  });

  test('"the former president and foreign minister of X" after the name: two past offices', () => {
    const ps = read('John Smith, the former president and foreign minister of Avalonia, arrived on Monday.').filter((p) => p.type === 'HOLDS_OFFICE');
    expect(ps.map((p) => `${p.subject?.name}|${p.object?.id}|${p.role}|${p.claim}`).sort()).toEqual(['John Smith|AA|Foreign Minister|ENDED', 'John Smith|AA|President|ENDED']);
  });

  test('an incoming president is not in office yet', () => {
    expect(office("The team around Avalonia's incoming President Sara Lee met the press.")).toEqual([]);
  });
});

describe('an article dated to a month or not at all', () => {
  test('a month-dated article dates present facts to the month', () => {
    const p = read('Avalonia and Borduria agreed to establish diplomatic relations.', '2025-03').find((x) => x.type === 'HAS_DIPLOMATIC_RELATIONS_WITH')!;
    expect([p.date, p.datePrecision]).toEqual(['2025-03-01', 'MONTH']);
  });

  test('an undated article leaves relative dates unresolved and keeps absolute ones', () => {
    expect(datesIn('They met on Friday.', 0, null)).toEqual([]);
    expect(datesIn('They met on 3 May 2019.', 0, null).map((d) => d.date)).toEqual(['2019-05-03']);
    const p = read('Avalonia and Borduria agreed to establish diplomatic relations.', null).find((x) => x.type === 'HAS_DIPLOMATIC_RELATIONS_WITH')!;
    expect(p.date).toBeNull();
  });
});

describe('the eval scorer follows the annotation guide', () => {
  const run = (gold: Fact[], proposed: Fact[]) => {
    const scores = new Map<string, Score>();
    const score = (t: string) => scores.get(t) ?? scores.set(t, { gold: 0, proposed: 0, matched: 0, dates: 0, statuses: 0, softGold: 0, softMatched: 0, polarity: 0 }).get(t)!;
    scoreArticle(gold, proposed, score, []);
    return scores;
  };

  test('people match by name variant: accents, "al-" and a dropped middle name', () => {
    expect(samePerson('Aleksandar Vučić', 'Aleksandar Vucic')).toBe(true);
    expect(samePerson('Ahmed al-Sharaa', 'Ahmad al-Sharaa')).toBe(true);
    expect(samePerson('Eduardo Enrique Reina', 'Eduardo Reina')).toBe(true);
    expect(samePerson('Eduardo Reina', 'Maria Reina')).toBe(false);
  });

  test('a claim and its denial are two facts, and a positive proposal against a refusal is a polarity error', () => {
    const gold: Fact[] = [
      { type: 'WITHDRAWS_RECOGNITION_CLAIM', subject: 'AA', object: 'DD', status: 'claimed', date: null },
      { type: 'WITHDRAWS_RECOGNITION_CLAIM', subject: 'AA', object: 'DD', status: 'denied', date: null },
      { type: 'RECOGNIZES', subject: 'BB', object: 'DD', status: 'no', date: null },
    ];
    const s = run(gold, [
      { type: 'WITHDRAWS_RECOGNITION_CLAIM', subject: 'AA', object: 'DD', status: 'claimed', date: null },
      { type: 'RECOGNIZES', subject: 'BB', object: 'DD', status: null, date: null },
    ]);
    expect(s.get('WITHDRAWS_RECOGNITION_CLAIM')).toMatchObject({ gold: 2, matched: 1 });
    expect(s.get('RECOGNIZES')).toMatchObject({ gold: 1, matched: 0, polarity: 1 });
  });

  test('agreements match by their parties, whatever their title', () => {
    const gold: Fact[] = [
      { type: 'PARTY_TO', subject: 'AA', object: 'Avalonia–Borduria accord (2024)', status: null, date: '2024' },
      { type: 'PARTY_TO', subject: 'BB', object: 'Avalonia–Borduria accord (2024)', status: null, date: '2024' },
    ];
    const s = run(gold, [
      { type: 'PARTY_TO', subject: 'AA', object: 'agreement:AA+BB', status: null, date: '2024' },
      { type: 'PARTY_TO', subject: 'BB', object: 'agreement:AA+BB', status: null, date: '2024' },
    ]);
    expect(s.get('PARTY_TO')).toMatchObject({ gold: 2, proposed: 2, matched: 2, dates: 2 });
  });
});
