import { extract, type Proposal } from '../../src/ingest/extract';
import { datesIn } from '../../src/ingest/dates';
import { Gazetteer } from '../../src/ingest/gazetteer';

// Ordinary news constructions, in made-up sentences about made-up states: the corpus's articles are never copied here.
const gazetteer = new Gazetteer({
  countries: [
    { code: 'AA', name: 'Avalonia', aliases: [], demonyms: ['Avalonian'], capitals: ['Port Avalon'] },
    { code: 'BB', name: 'Borduria', aliases: [], demonyms: ['Bordurian'], capitals: ['Szohod'] },
    { code: 'CC', name: 'Carpania', aliases: [], demonyms: ['Carpanian'], capitals: ['Carpa'] },
    { code: 'DD', name: 'Dalmoria', aliases: [], demonyms: ['Dalmorian'], capitals: [] },
    { code: 'GG', name: 'Gorvata', aliases: [], demonyms: [], capitals: [] },
  ],
  organizations: [{ code: 'UN', name: 'United Nations', aliases: ['UN'] }],
  people: [],
  cities: [
    { id: 'wd-q1', name: 'Nova Riva', aliases: [], country: 'BB' },
    { id: 'wd-q2', name: 'Old Harbour', aliases: [], country: 'DD' },
  ],
});

const read = (text: string, date: string | null = '2024-05-10') => extract({ text, date }, gazetteer);
const facts = (ps: Proposal[], type: string) => ps.filter((p) => p.type === type).map((p) => `${p.subject?.id}>${p.object?.id}${p.city ? `@${p.city.name}` : ''}:${p.claim}`).sort();
const offices = (ps: Proposal[]) => ps.filter((p) => p.type === 'HOLDS_OFFICE').map((p) => `${p.subject?.name}>${p.object?.id}:${p.role}:${p.claim}`).sort();

describe('the status of what is said: announced, done, reported', () => {
  test('a reported clause with its own subject keeps its own sense: "announced it had recognized" is done, "announced it will" is a plan', () => {
    expect(facts(read('Avalonia announced on Monday that it had recognized Dalmoria.'), 'RECOGNIZES')).toEqual(['AA>DD:DONE']);
    expect(facts(read('Avalonia announced that it will recognize Dalmoria next month.'), 'RECOGNIZES')).toEqual(['AA>DD:ANNOUNCED']);
    expect(facts(read('Borduria announced it was severing diplomatic ties with Gorvata.'), 'HAS_DIPLOMATIC_RELATIONS_WITH')).toEqual(['BB>GG:ENDED']);
    // an announcement with no reported subject is still an announcement
    expect(facts(read('Carpania announced the establishment of diplomatic relations with Gorvata.'), 'HAS_DIPLOMATIC_RELATIONS_WITH')).toEqual(['CC>GG:ANNOUNCED']);
  });

  test('"after breaking ties with C" is an end done, whatever the main verb announces', () => {
    expect(facts(read('The government of Carpania announced on Tuesday the establishment of diplomatic relations with Dalmoria after breaking official ties with Borduria.'), 'HAS_DIPLOMATIC_RELATIONS_WITH')).toEqual(['BB>CC:ENDED', 'CC>DD:ANNOUNCED']);
    expect(facts(read('Gorvata established relations with Avalonia after cutting ties with Borduria.'), 'HAS_DIPLOMATIC_RELATIONS_WITH')).toEqual(['AA>GG:DONE', 'BB>GG:ENDED']);
  });

  test('"became the third country to recognize", "one of the first states to recognize": done, not a plan', () => {
    expect(facts(read('Gorvata became the third country to recognize Dalmoria.'), 'RECOGNIZES')).toEqual(['GG>DD:DONE']);
    expect(facts(read('Carpania was one of the first states to recognize Dalmoria.'), 'RECOGNIZES')).toEqual(['CC>DD:DONE']);
    // a plan stays a plan
    expect(facts(read('Gorvata plans to recognize Dalmoria.'), 'RECOGNIZES')).toEqual(['GG>DD:ANNOUNCED']);
  });
});

describe('relations normalized, and the partner of the ties themselves', () => {
  test('"relations with B and C" and no subject: no relations of B with C; "between B and C" are', () => {
    expect(facts(read('The president ordered the ministry to establish diplomatic relations with Dalmoria and Borduria.'), 'HAS_DIPLOMATIC_RELATIONS_WITH')).toEqual([]);
    expect(facts(read('Diplomatic relations between Dalmoria and Borduria were established in 1990.'), 'HAS_DIPLOMATIC_RELATIONS_WITH')).toEqual(['BB>DD:DONE']);
  });

  test('"A shut its embassy in X and severed diplomatic relations": the partner is the state of the embassy\'s city', () => {
    expect(facts(read('Avalonia has shut its embassy in Szohod, severed diplomatic relations and expelled its diplomats.'), 'HAS_DIPLOMATIC_RELATIONS_WITH')).toEqual(['AA>BB:ENDED']);
    // no embassy, no partner
    expect(facts(read('Avalonia severed diplomatic relations on Monday.'), 'HAS_DIPLOMATIC_RELATIONS_WITH')).toEqual([]);
  });

  test('a state lending its help to the ties ("with C\'s help", ", with C mediation") is no partner', () => {
    expect(facts(read("Avalonia and Borduria agree to resume ties, with Carpania's help."), 'HAS_DIPLOMATIC_RELATIONS_WITH')).toEqual(['AA>BB:ANNOUNCED']);
    expect(facts(read('Avalonia restored ties with Borduria and Carpania.'), 'HAS_DIPLOMATIC_RELATIONS_WITH')).toEqual(['AA>BB:DONE', 'AA>CC:DONE']);
  });

  test('"agreed to normalize relations" is relations agreed; a deal "brokered with C\'s help" makes C no partner', () => {
    expect(facts(read('Avalonia and Dalmoria agreed on Thursday to normalize relations in a deal brokered with Carpanian help.'), 'HAS_DIPLOMATIC_RELATIONS_WITH')).toEqual(['AA>DD:ANNOUNCED']);
    expect(facts(read('Gorvata normalized its relations with Borduria in 2021.'), 'HAS_DIPLOMATIC_RELATIONS_WITH')).toEqual(['BB>GG:DONE']);
  });

  test('an agreement titled after normalization names no relations established', () => {
    expect(facts(read('The leaders met to discuss the Agreement on Normalization of Relations between Avalonia and Borduria.'), 'HAS_DIPLOMATIC_RELATIONS_WITH')).toEqual([]);
  });
});

describe('people and their states in more orders', () => {
  test('no guess of a state for an office owned by a place the gazetteer does not know, an ambassador, a counterpart\'s state or an office\'s building', () => {
    expect(offices(read('West Bengal Chief Minister Mamata Banerjee attended the talks in Carpania.'))).toEqual([]);
    expect(offices(read('Ambassador John Smith left Carpania on Monday.'))).toEqual([]);
    expect(offices(read('Foreign Secretary John Smith and his Carpanian counterpart, Mary Jones, signed the documents.'))).toEqual(['Mary Jones>CC:Foreign Secretary:DONE']);
    expect(offices(read("Before talks at the Carpanian Prime Minister's Office, Mr. Smith and Ms. Jones met."))).toEqual([]);
  });

  test('initials in a name after a title ("S. Jaishankar"); a name after a title wins over a capital read inside it', () => {
    expect(offices(read('Avalonian Foreign Secretary J. Smithers said the talks went well.'))).toEqual(['J Smithers>AA:Foreign Secretary:DONE']);
    expect(offices(read('Bordurian spokeswoman Carpa Jones said the embassy was closed.'))).toEqual(['Carpa Jones>BB:Spokeswoman:DONE']);
    expect(offices(read("Avalonia's UN Ambassador John Smith spoke."))).toEqual(['John Smith>AA:Ambassador:DONE']);
  });

  test('"a spokesman for Country\'s foreign ministry, Name": the ministry\'s state; the name after the comma', () => {
    expect(offices(read("A spokesman for Avalonia's foreign ministry, Ivo Marek, said the decision was hostile."))).toEqual(['Ivo Marek>AA:Spokesman:DONE']);
    expect(offices(read('A spokeswoman for the Bordurian government, Ema Roth, declined to comment.'))).toEqual(['Ema Roth>BB:Spokeswoman:DONE']);
  });

  test('appointments: "was appointed (as) Country\'s title", "was named", "was sworn in as"', () => {
    expect(offices(read("John Smith was appointed Avalonia's foreign minister on Monday."))).toEqual(['John Smith>AA:Foreign Minister:DONE']);
    expect(offices(read('John Smith was named Avalonian foreign minister on Monday.'))).toEqual(['John Smith>AA:Foreign Minister:DONE']);
    expect(offices(read("John Smith was sworn in as Avalonia's prime minister."))).toEqual(['John Smith>AA:Prime Minister:DONE']);
    // an appointment verb with no person before it gives nobody the office
    expect(offices(read("The parliament was named after Avalonia's foreign minister."))).toEqual([]);
  });

  test('"Turkish Cypriot leader Name" is Northern Cyprus\'s leader, not Turkey\'s or Cyprus\'s', () => {
    const cyprus = new Gazetteer({
      countries: [
        { code: 'TR', name: 'Turkey', aliases: [], demonyms: ['Turkish'], capitals: [] },
        { code: 'CY', name: 'Cyprus', aliases: [], demonyms: ['Cypriot'], capitals: [] },
        { code: 'XN', name: 'Northern Cyprus', aliases: [], demonyms: [], capitals: [] },
      ],
      organizations: [],
      people: [],
      cities: [],
    });
    expect(offices(extract({ text: 'Turkish Cypriot leader Ivo Marek met a Turkish minister.', date: '2024-05-10' }, cyprus))).toEqual(['Ivo Marek>XN:Leader:DONE']);
  });

  test('"Crown Prince of <city> Name": the office of the city\'s state, the title naming the city', () => {
    expect(offices(read('He met Crown Prince of Nova Riva John Smith on Monday.'))).toEqual(['John Smith>BB:Crown Prince of Nova Riva:DONE']);
  });

  test('several people under a plural title: "the respective leaders of A and B, X and Y" in order; "A\'s X and B\'s Y" each their own', () => {
    expect(offices(read('Present were the respective leaders of Avalonia and Borduria, Ivo Marek and Ema Roth.'))).toEqual(['Ema Roth>BB:Leader:DONE', 'Ivo Marek>AA:Leader:DONE']);
    // people compromise knows as names already
    expect(offices(read('Soon after, the respective leaders of Avalonia and Borduria, John Smith and Mary Jones, thanked Carpania.'))).toEqual(['John Smith>AA:Leader:DONE', 'Mary Jones>BB:Leader:DONE']);
    expect(offices(read("The two countries' prime ministers, Avalonia's Ivo Marek and Borduria's Ema Roth, attended the signing."))).toEqual(['Ema Roth>BB:Prime Minister:DONE', 'Ivo Marek>AA:Prime Minister:DONE']);
    // states and people that cannot be paired: nothing
    expect(offices(read('The foreign ministers of Avalonia and Borduria, Ivo Marek, Ema Roth and Lena Ostrova, met.'))).toEqual([]);
    expect(offices(read('The foreign ministers, Ivo Marek and Ema Roth, met in Carpa.'))).toEqual([]);
  });

  test('a longer title holds no shorter one: a "Deputy Prime Minister" is not also "Prime Minister"', () => {
    expect(offices(read('Avalonian Deputy Prime Minister Ivo Marek and Bordurian Foreign Affairs Minister Ema Roth met.'))).toEqual(['Ema Roth>BB:Foreign Minister:DONE', 'Ivo Marek>AA:Deputy Prime Minister:DONE']);
  });

  test('a person the article already gave a state keeps it when a later title names none, wherever the sentence is', () => {
    const ps = read('Bordurian Foreign Secretary Ivo Marek flew to Carpa on Thursday. Foreign Secretary Ivo Marek attended a ceremony in Carpania.');
    expect(offices(ps)).toEqual(['Ivo Marek>BB:Foreign Secretary:DONE']);
    expect(ps.filter((p) => p.type === 'HOLDS_OFFICE' && p.object?.id === 'CC')).toEqual([]);
    // a place the person is at is not their state
    expect(offices(read('Foreign Secretary Ivo Marek attended a ceremony in Carpania.'))).toEqual([]);
  });

  test('"Minister of Home Affairs Name": the portfolio after "of"; titled people joined by "and" share the state after them', () => {
    expect(offices(read('Minister of Islamic Affairs Ali Zahir and Minister of Home Affairs Omar Rasi of Avalonia met the Carpanian Foreign Minister Ema Roth.'))).toEqual([
      'Ali Zahir>AA:Minister of Islamic Affairs:DONE',
      'Ema Roth>CC:Foreign Minister:DONE',
      'Omar Rasi>AA:Minister of Home Affairs:DONE',
    ]);
    expect(offices(read('Mr. Ivo Pell, Minister of State and Foreign Affairs of Carpania, arrived in Szohod.'))).toEqual(['Ivo Pell>CC:Minister of State and Foreign Affairs:DONE']);
  });

  test('a word describing the person between the state and the title ("Avalonia\'s embattled President"), but not a verb after the state', () => {
    expect(offices(read("Avalonia's embattled President Ivo Marek said the talks had failed."))).toEqual(['Ivo Marek>AA:President:DONE']);
    expect(offices(read('Borduria expected President Ivo Marek of Carpania on Friday.'))).toEqual(['Ivo Marek>CC:President:DONE']);
  });

  test('titles that need a state beside them: a state\'s leader, ruler, adviser or top diplomat; never an opposition or party leader', () => {
    expect(offices(read('Avalonian leader Tomas Vell met Bordurian Deputy Foreign Minister Ana Rusk in Szohod on Monday.'))).toEqual(['Ana Rusk>BB:Deputy Foreign Minister:DONE', 'Tomas Vell>AA:Leader:DONE']);
    expect(offices(read("Carpania's top diplomat Irena Volk said the talks would resume."))).toEqual(['Irena Volk>CC:Top Diplomat:DONE']);
    // no state written beside the title: no office, even where the sentence names one state
    expect(offices(read('Opposition leader Marko Dren criticised the visit to Carpania.'))).toEqual([]);
    expect(offices(read('The party leader Ivo Stan said Avalonia would wait.'))).toEqual([]);
    // two states before the title: whose office it is cannot be told
    expect(offices(read('The Avalonian Bordurian leader Pavel Kos arrived.'))).toEqual([]);
  });

  test('"Title of Country Name" signs for that state; two such signatories make the parties', () => {
    const ps = read('Bordurian Foreign Minister Ivo Marek and Foreign Minister of Carpania Lena Ostrova signed a joint communique on Tuesday.');
    const deal = ps.find((p) => p.type === 'AGREEMENT')!;
    expect(deal.parties.map((e) => e.id).sort()).toEqual(['BB', 'CC']);
    expect(deal.signatories.map((e) => e.name).sort()).toEqual(['Ivo Marek', 'Lena Ostrova']);
  });

  test('a title without a state word in a sentence naming two states takes the one that acts, not the one acted on', () => {
    expect(offices(read('On Friday Minister of Foreign Affairs Lena Ostrova said that the government of Carpania had begun recognising Dalmoria.'))).toEqual(['Lena Ostrova>CC:Foreign Minister:DONE']);
    expect(offices(read('Foreign Minister Ivo Marek said Borduria would close its office in Dalmoria.'))).toEqual(['Ivo Marek>BB:Foreign Minister:DONE']);
    // two states acting: no guess
    expect(offices(read('Foreign Minister Ivo Marek said Borduria and Carpania would talk.'))).toEqual([]);
  });

  test('"State Secretary" is the Secretary of State; "Defense" keeps the text\'s spelling', () => {
    expect(offices(read('Avalonian State Secretary Mara Quell arrived on Monday.'))).toEqual(['Mara Quell>AA:Secretary of State:DONE']);
    expect(offices(read('Bordurian Defense Minister Ivo Marek arrived on Monday.'))).toEqual(['Ivo Marek>BB:Defense Minister:DONE']);
  });
});

describe('recognitions said as nouns, and what "its" stands for', () => {
  test('a people\'s adjective before "independence", "statehood" or "state" is the state; before anything else it is not', () => {
    expect(facts(read('Borduria does not recognize Dalmorian independence.'), 'DOES_NOT_RECOGNIZE')).toEqual(['BB>DD:DONE']);
    expect(facts(read('Avalonia recognized Dalmorian statehood in 2011.'), 'RECOGNIZES')).toEqual(['AA>DD:DONE']);
    expect(facts(read('Borduria will recognize an independent Dalmorian state next week.'), 'RECOGNIZES')).toEqual(['BB>DD:ANNOUNCED']);
    expect(facts(read('Avalonia recognized the Dalmorian government.'), 'RECOGNIZES')).toEqual([]);
    // sovereignty "over" a territory is a claim over it: no state recognized
    expect(facts(read('Avalonia recognized Dalmorian sovereignty over the whole of Gorvata.'), 'RECOGNIZES')).toEqual([]);
  });

  test('a refusal read beside a denial of the same recognition is one candidate, the denial', () => {
    const ps = read('Reports that Avalonia recognized Dalmoria are false. Avalonia has not recognized Dalmoria.');
    expect(ps.filter((p) => p.subject?.id === 'AA' && p.object?.id === 'DD').map((p) => `${p.type}:${p.claim}`)).toEqual(['RECOGNIZES:DENIED']);
  });

  test('"B\'s breakaway region of C": C is the one (not) recognized, never B', () => {
    expect(facts(read("Avalonia has not recognized Borduria's breakaway region of Dalmoria as an independent state."), 'DOES_NOT_RECOGNIZE')).toEqual(['AA>DD:DONE']);
  });

  test('"recognizing the independence of B and C": one recognition each', () => {
    expect(facts(read('Avalonia signed decrees recognizing the independence of Dalmoria and Borduria.'), 'RECOGNIZES')).toEqual(['AA>BB:DONE', 'AA>DD:DONE']);
  });

  test('a recognition suspended or frozen is a withdrawal, "suspended"; "the so-called B" is still B', () => {
    const ps = read('Avalonia on Tuesday suspended its recognition of the so-called Dalmoria.');
    expect(facts(ps, 'WITHDRAWAL_CLAIMED')).toEqual(['AA>DD:DONE']);
    expect(ps.find((p) => p.type === 'WITHDRAWAL_CLAIMED')?.role).toBe('suspended');
    expect(facts(read('Avalonia froze its recognition of Dalmoria in 2010.'), 'WITHDRAWAL_CLAIMED')).toEqual(['AA>DD:DONE']);
    expect(facts(read('Avalonia froze its recognition of Dalmoria in 2010.'), 'RECOGNIZES')).toEqual([]);
  });

  test('"recognition came from A", "C received recognition from A and B": those after "from" recognize; negated, nothing', () => {
    expect(facts(read('Dalmoria received recognition from Avalonia and Gorvata in 2019.'), 'RECOGNIZES')).toEqual(['AA>DD:DONE', 'GG>DD:DONE']);
    expect(facts(read('Avalonia recognized Dalmoria in 2016. Recognition came from Carpania on Friday.'), 'RECOGNIZES')).toEqual(['AA>DD:DONE', 'CC>DD:DONE']);
    expect(read('Dalmoria has not received recognition from Borduria.').filter((p) => p.type === 'RECOGNIZES')).toEqual([]);
  });

  test('"C welcomed A\'s recognition": A recognizes C; "B criticised A\'s recognition of C": A recognizes C, not B', () => {
    expect(facts(read('Dalmoria welcomed Gorvata\'s recognition on Friday.'), 'RECOGNIZES')).toEqual(['GG>DD:DONE']);
    expect(facts(read('Borduria criticised Gorvata\'s recognition of Dalmoria.'), 'RECOGNIZES')).toEqual(['GG>DD:DONE']);
  });

  test('"A\'s decision to recognize C" is done; "A\'s plan to recognize C" a plan', () => {
    expect(facts(read('Borduria criticised Gorvata\'s decision to recognize Dalmoria.'), 'RECOGNIZES')).toEqual(['GG>DD:DONE']);
    expect(facts(read('Borduria criticised Gorvata\'s plan to recognize Dalmoria.'), 'RECOGNIZES')).toEqual(['GG>DD:ANNOUNCED']);
  });

  test('"recognized its independence from B": "its" is the other state of the sentence, never B', () => {
    expect(facts(read('Dalmoria held its first election since Carpania recognized its independence from Borduria in 2010.'), 'RECOGNIZES')).toEqual(['CC>DD:DONE']);
    expect(facts(read('Avalonia recognized Dalmoria after a long dispute with Borduria.'), 'RECOGNIZES')).toEqual(['AA>DD:DONE']);
  });

  test('a time clause ("since B recognized", "after C recognized") has its own subject', () => {
    expect(facts(read('Avalonia opened an embassy in Nova Riva after Gorvata recognized Dalmoria.'), 'RECOGNIZES')).toEqual(['GG>DD:DONE']);
    expect(facts(read('Avalonia opened an embassy in Nova Riva after Gorvata recognized Dalmoria.'), 'OPENS_EMBASSY_IN')).toEqual(['AA>BB@Nova Riva:DONE']);
  });
});

describe('embassies and missions', () => {
  test('"its embassy in Borduria": the one city of Borduria the article names; none or several, no city and no fact', () => {
    expect(facts(read('Avalonia opened its embassy in Borduria on Monday. The ceremony in Szohod was brief.'), 'OPENS_EMBASSY_IN')).toEqual(['AA>BB@Szohod:DONE']);
    expect(facts(read('Avalonia opened its embassy in Borduria on Monday.'), 'OPENS_EMBASSY_IN')).toEqual([]);
    expect(facts(read('Avalonia opened its embassy in Borduria on Monday. Talks in Szohod and Nova Riva followed.'), 'OPENS_EMBASSY_IN')).toEqual([]);
  });

  test('"the first time in 22 years" is a span, not a date', () => {
    expect(datesIn('It is the first embassy there in 22 years.', 0, '2013-04-26')).toEqual([]);
    expect(datesIn('It closed 22 years ago.', 0, '2013-04-26').map((d) => d.date.slice(0, 4))).toEqual(['1991']);
  });

  test('"A announced that it is moving its embassy ...": the pronoun opening a reported clause is its reporter', () => {
    expect(facts(read('Avalonia announced on Wednesday that it is moving its embassy in Borduria back to Nova Riva.'), 'OPENS_EMBASSY_IN')).toEqual(['AA>BB@Nova Riva:DONE']);
    // a pronoun after a reporting verb whose subject is no state: nobody
    expect(facts(read('The minister said that it is moving its embassy to Nova Riva.'), 'OPENS_EMBASSY_IN')).toEqual([]);
  });

  test('"in the Avalonian capital", "to the capital of Avalonia": that state\'s capital; states listed before one verb each reopen', () => {
    expect(facts(read('Borduria, Carpania, and Dalmoria have already reopened their embassies in the Avalonian capital.'), 'OPENS_EMBASSY_IN')).toEqual(['BB>AA@Port Avalon:DONE', 'CC>AA@Port Avalon:DONE', 'DD>AA@Port Avalon:DONE']);
    expect(facts(read('Borduria will open an embassy in the capital of Carpania.'), 'OPENS_EMBASSY_IN')).toEqual(['BB>CC@Carpa:PLEDGED']);
    // a capital of a state the graph has no capital for: no city, no fact
    expect(facts(read('Borduria will open an embassy in the Gorvatan capital.'), 'OPENS_EMBASSY_IN')).toEqual([]);
  });

  test('"re-open" in two words is a reopening; "flew to X to reopen the embassy" is in X, and done', () => {
    const ps = read('Avalonia re-opened its embassy in Szohod on Monday.');
    expect(facts(ps, 'OPENS_EMBASSY_IN')).toEqual(['AA>BB@Szohod:DONE']);
    expect(ps.find((p) => p.type === 'OPENS_EMBASSY_IN')?.role).toBe('reopened');
    expect(facts(read('The minister flew to Carpa on Thursday to re-open the Avalonian embassy.'), 'OPENS_EMBASSY_IN')).toEqual(['AA>CC@Carpa:DONE']);
    // a journey still to come is a plan
    expect(facts(read('The minister will fly to Carpa on Thursday to re-open the Avalonian embassy.'), 'OPENS_EMBASSY_IN')).toEqual(['AA>CC@Carpa:PLEDGED']);
    // two cities in the sentence: which one is not guessed
    expect(facts(read('The minister flew from Szohod to Carpa on Thursday to re-open the Avalonian embassy.'), 'OPENS_EMBASSY_IN')).toEqual([]);
  });

  test('"A\'s embassy in X opened on Monday": the possessive owns the embassy', () => {
    expect(facts(read("Gorvata's embassy in Nova Riva opened on Monday."), 'OPENS_EMBASSY_IN')).toEqual(['GG>BB@Nova Riva:DONE']);
  });

  test('a diplomatic mission is an embassy; a mission of another kind is not', () => {
    expect(facts(read('Carpania opened a diplomatic mission in Old Harbour on Sunday.'), 'OPENS_EMBASSY_IN')).toEqual(['CC>DD@Old Harbour:DONE']);
    expect(facts(read('Carpania opened a trade mission in Old Harbour on Sunday.'), 'OPENS_EMBASSY_IN')).toEqual([]);
  });
});

describe('"they" for the states or the two people of the sentence before', () => {
  test('"A met B. They signed ...": both sign; "A and B held talks. They agreed ...": both states', () => {
    const ps = read('Foreign Minister Ivo Marek of Avalonia met Foreign Minister Ema Roth of Borduria in Carpa. They signed a memorandum on political consultations.');
    expect(ps.filter((p) => p.type === 'AGREEMENT').map((p) => [p.parties.map((e) => e.id), p.signatories.map((e) => e.name)])).toEqual([[['AA', 'BB'], ['Ivo Marek', 'Ema Roth']]]);
    expect(facts(read('Avalonia and Borduria held talks. They agreed to restore diplomatic ties.'), 'HAS_DIPLOMATIC_RELATIONS_WITH')).toEqual(['AA>BB:ANNOUNCED']);
    // three people named before: whom "they" means is not guessed
    expect(read('Ivo Marek met Ema Roth and Lena Ostrova in Carpa. They signed a memorandum.').filter((p) => p.type === 'AGREEMENT')).toEqual([]);
  });
});

describe('support said in more ways', () => {
  test('"supports the cause of B", "stands by B", "A\'s support for B"; support received "from" still reads the giver after it', () => {
    expect(facts(read('Avalonia fully supports the cause of Dalmoria, its president said.'), 'SUPPORTS')).toEqual(['AA>DD:DONE']);
    expect(facts(read('Borduria stands by Carpania on this issue.'), 'SUPPORTS')).toEqual(['BB>CC:DONE']);
    expect(facts(read("Avalonia's support for Dalmoria is unwavering."), 'SUPPORTS')).toEqual(['AA>DD:DONE']);
    expect(facts(read('Dalmoria is receiving support from its allies Avalonia and Borduria.'), 'SUPPORTS')).toEqual(['AA>DD:DONE', 'BB>DD:DONE']);
    // negated support is none
    expect(facts(read('Borduria does not stand by Carpania.'), 'SUPPORTS')).toEqual([]);
  });
});

describe('agreements signed separately', () => {
  const agreement = (ps: Proposal[]) => ps.filter((p) => p.type === 'AGREEMENT').map((p) => `${p.parties.map((e) => e.id).join('+')}:${p.claim}:signed by ${p.signatories.map((e) => e.name).join(', ')}:mediated by ${p.mediators.map((e) => e.name).join(', ')}`);

  test('"the signing of the deal on Sunday by X and Y": they sign the agreement spoken of, and it is signed', () => {
    expect(agreement(read("Avalonia and Borduria agreed on a peace deal on Friday. Crowds watched the signing of the deal Sunday by the two countries' foreign ministers, Ivo Marek and Ema Roth."))).toEqual([
      'AA+BB:DONE:signed by Ivo Marek, Ema Roth:mediated by ',
    ]);
  });

  test('witnesses of a signing ("witnessed by", "in the presence of", "attended the signing") sign nothing', () => {
    const witnessed = (ps: Proposal[]) => ps.filter((p) => p.type === 'AGREEMENT').map((p) => `${p.parties.map((e) => e.id).join('+')}:signed by ${p.signatories.map((e) => e.name).join(', ')}:witnessed by ${p.witnesses.map((e) => e.name).join(', ')}`);
    expect(witnessed(read('Avalonia and Borduria signed a peace agreement on Friday. The ceremony was witnessed by Carpanian President Ivo Marek.'))).toEqual(['AA+BB:signed by :witnessed by Ivo Marek']);
    expect(witnessed(read('In the presence of Carpanian President Ivo Marek, Avalonia and Borduria signed a peace agreement on Friday.'))).toEqual(['AA+BB:signed by :witnessed by Ivo Marek']);
    expect(
      witnessed(read("Avalonia and Borduria agreed on a peace deal. The two countries' prime ministers, Avalonia's Ema Roth and Borduria's Lena Ostrova, attended the signing of the deal on Sunday by their foreign ministers, Tom Bell and Ann Fox.")),
    ).toEqual(['AA+BB:signed by Tom Bell, Ann Fox:witnessed by Ema Roth, Lena Ostrova']);
    // no agreement spoken of: no witnesses of anything
    expect(read('The ceremony was witnessed by Carpanian President Ivo Marek.').filter((p) => p.type === 'AGREEMENT')).toEqual([]);
  });

  test('"the AU mediator Name" mediates the agreement the article spoke of last; with none spoken of, nothing', () => {
    expect(agreement(read('Avalonia and Borduria signed a peace agreement on Friday. AU mediator Ivo Marek said both sides would comply.'))).toEqual(['AA+BB:DONE:signed by :mediated by Ivo Marek']);
    expect(read('AU mediator Ivo Marek said both sides would meet.').filter((p) => p.type === 'AGREEMENT')).toEqual([]);
  });

  test('"A and B signed separate agreements with C": one agreement of each with C', () => {
    const ps = read('Avalonia and Borduria signed separate agreements on Friday with Carpania.');
    expect(ps.filter((p) => p.type === 'AGREEMENT').map((p) => p.parties.map((e) => e.id).sort().join('+')).sort()).toEqual(['AA+CC', 'BB+CC']);
  });

  test('each signatory signs the agreement of their own state; the partner named by its minister', () => {
    const ps = read('Avalonian Foreign Minister Ivo Marek and Bordurian Trade Minister Lena Ostrova signed separate deals with Carpanian Foreign Minister Mara Quell.');
    const deals = ps.filter((p) => p.type === 'AGREEMENT').map((p) => `${p.parties.map((e) => e.id).sort().join('+')}:${p.signatories.map((e) => e.name).join(',')}`).sort();
    expect(deals).toEqual(['AA+CC:Ivo Marek', 'BB+CC:Lena Ostrova']);
  });
});
