// A synthetic but plausible diplomatic world on top of the seeded one, for the scale curve: agreements
// between states with their signatories (foreign ministers, who were ambassadors before), mediators,
// sources, and embassy events in the states' capitals. Deterministic (seeded random numbers); every node
// and relationship carries `synthetic: true` and an id starting with "synthetic-". Never in a real graph.

const BATCH = 2_000;
const KINDS = ['ECONOMIC_NORMALIZATION', 'DIPLOMATIC_RELATIONS', 'TREATY', 'OTHER'];
const STATUSES = ['SIGNED', 'IN_FORCE', 'AGREED', 'LAPSED'];
const TOPICS = ['trade', 'visas', 'energy', 'transport', 'culture', 'security', 'fisheries', 'education'];
const EMBASSY = ['OPENED', 'PLEDGED', 'DIPLOMATIC_OFFICE', 'MOVED_BACK', 'REOPENED'];

/** mulberry32: a small seeded generator, so every run builds the same world. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const day = (rand) => `${1950 + Math.floor(rand() * 75)}-${String(1 + Math.floor(rand() * 12)).padStart(2, '0')}-${String(1 + Math.floor(rand() * 28)).padStart(2, '0')}`;

const UNITS = `
UNWIND $units AS u
CREATE (s:Source {id: u.source, publisher: 'Synthetic benchmark data', title: u.title, date: date(u.date), synthetic: true})
CREATE (a:Agreement {id: u.id, title: u.title, date: date(u.date), precision: 'DAY', kind: u.kind, status: u.status, topics: u.topics,
  summary: 'Synthetic agreement for benchmarks; not a real fact.', sources: [u.source], synthetic: true})
WITH u, a
CALL (u, a) {
  UNWIND range(0, size(u.parties) - 1) AS i
  MATCH (c:Country {code: u.parties[i]})
  CREATE (c)-[:PARTY_TO {id: u.id + '-party-' + i, sources: [u.source], synthetic: true}]->(a)
}
CALL (u, a) {
  UNWIND u.signatories AS sig
  MATCH (p:Person {id: sig.person})
  CREATE (p)-[:SIGNED {id: u.id + '-signed-' + sig.country, role: 'Minister of Foreign Affairs', onBehalfOf: sig.country, validFrom: date(u.date), precision: 'DAY', sources: [u.source], synthetic: true}]->(a)
}
CALL (u, a) {
  UNWIND u.mediators AS code
  MATCH (c:Country {code: code})
  CREATE (c)-[:MEDIATES {id: u.id + '-mediates-' + code, role: 'Mediator', sources: [u.source], synthetic: true}]->(a)
}
CALL (u) {
  MATCH (c:Country {code: u.embassy.country}), (city:City {id: u.embassy.city})
  CREATE (c)-[:OPENS_EMBASSY_IN {id: u.id + '-embassy', status: u.embassy.status, validFrom: date(u.date), precision: 'DAY', host: u.embassy.host, sources: [u.source], synthetic: true}]->(city)
}`;

const PEOPLE = `
UNWIND $people AS p
MATCH (c:Country {code: p.country})
CREATE (x:Person {id: p.id, name: p.name, aliases: [], nameKeys: [toLower(p.name)], sources: [p.source], synthetic: true})
CREATE (x)-[:HOLDS_OFFICE {id: p.id + '-ambassador', role: 'Ambassador', validFrom: date(p.from), validTo: date(p.switch), precision: 'DAY', sources: [p.source], synthetic: true}]->(c)
CREATE (x)-[:HOLDS_OFFICE {id: p.id + '-minister', role: 'Minister of Foreign Affairs', validFrom: date(p.switch), validTo: date(p.to), precision: 'DAY', sources: [p.source], synthetic: true}]->(c)`;

const CITIES = `
UNWIND $cities AS c
MERGE (city:City {id: c.id})
ON CREATE SET city.name = c.name, city.aliases = [], city.nameKeys = [toLower(c.name)], city.synthetic = true`;

/**
 * Adds synthetic facts until about `target` synthetic relationships exist; `state` carries on from the
 * previous call. People come first (two offices each), then agreements with their relationships.
 */
export async function generate(graph, target, state) {
  const run = (cypher, params) => graph.driver.executeQuery(cypher, params, { database: graph.database });
  if (!state) {
    const countries = (await run('MATCH (c:Country) WHERE c.capitals IS NOT NULL AND size(c.capitals) > 0 RETURN c.code AS code, c.capitals[0] AS capital ORDER BY c.code', {})).records.map((r) => r.toObject());
    const cities = countries.map((c) => ({ id: `synthetic-city-${c.code.toLowerCase()}`, name: `${c.capital} (synthetic)` }));
    await run(CITIES, { cities });
    state = { countries, units: 0, people: 0, relationships: 0, rand: random(20261122) };
  }
  const { countries, rand } = state;
  const pick = (list) => list[Math.floor(rand() * list.length)];
  const n = countries.length;
  // Person k serves state k mod n; a state's signatory is one of its people.
  const personOf = (countryIndex) => {
    const perCountry = Math.floor(state.people / n);
    return `synthetic-person-${countryIndex + n * Math.floor(rand() * perCountry)}`;
  };
  while (state.relationships < target) {
    const wantedPeople = Math.max(n * 2, Math.floor((state.units + BATCH) / 2));
    if (wantedPeople > state.people) {
      const people = [];
      for (let k = state.people; k < wantedPeople; k++) {
        const from = day(rand);
        const year = Number(from.slice(0, 4));
        people.push({
          id: `synthetic-person-${k}`,
          name: `Synthetic Person ${k}`,
          country: countries[k % n].code,
          source: `synthetic-source-${k}`,
          from,
          switch: `${year + 3}${from.slice(4)}`,
          to: `${year + 7}${from.slice(4)}`,
        });
      }
      for (let i = 0; i < people.length; i += 10_000) await run(PEOPLE, { people: people.slice(i, i + 10_000) });
      state.relationships += people.length * 2;
      state.people = wantedPeople;
    }
    const units = [];
    for (let i = state.units; i < state.units + BATCH; i++) {
      const first = Math.floor(rand() * n);
      let second = Math.floor(rand() * (n - 1));
      if (second >= first) second++;
      const parties = [first, second];
      if (rand() < 0.2) {
        const third = Math.floor(rand() * n);
        if (!parties.includes(third)) parties.push(third);
      }
      const mediator = rand() < 0.15 ? Math.floor(rand() * n) : -1;
      const host = countries[Math.floor(rand() * n)];
      const sender = countries[Math.floor(rand() * n)];
      units.push({
        id: `synthetic-agreement-${i}`,
        source: `synthetic-source-${i}`,
        title: `Synthetic agreement ${i}`,
        date: day(rand),
        kind: pick(KINDS),
        status: pick(STATUSES),
        topics: [pick(TOPICS)],
        parties: parties.map((p) => countries[p].code),
        signatories: parties.slice(0, 2).map((p) => ({ person: personOf(p), country: countries[p].code })),
        mediators: mediator >= 0 && !parties.includes(mediator) ? [countries[mediator].code] : [],
        embassy: { country: sender.code, city: `synthetic-city-${host.code.toLowerCase()}`, host: host.code, status: pick(EMBASSY) },
      });
    }
    await run(UNITS, { units });
    state.units += BATCH;
    state.relationships += units.reduce((sum, u) => sum + u.parties.length + u.signatories.length + u.mediators.length + 1, 0);
  }
  return state;
}
