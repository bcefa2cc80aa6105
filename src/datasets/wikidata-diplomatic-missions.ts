import { RELATIONS_EVIDENCE } from '../graph/mission-types';
import { nameKeys } from '../graph/names';
import { neo4jDate, neo4jPoint, type DatasetMapping, type Element, type Props } from './mapping';
import { missionType } from './mission-types';
import type { Names } from './names';
import { calendarDay, coordinates, isItemIdOnly, label } from './validate';

/**
 * Diplomatic missions recorded in Wikidata (a snapshot of August 2024 published by the
 * database-of-embassies project): each mission a `Mission` node (its item's id), sent by a state
 * (or the EU), located in a city in its host state, accredited to the states of its jurisdiction.
 * Names are Wikidata's English labels, resolved through the graph's own names and aliases, then
 * the small tables below; what resolves to nothing is reported, never guessed.
 */

/** Wikidata labels the graph knows under another name, and state organs that send missions on a state's behalf. */
const STATE_LABELS: Record<string, string> = {
  'The Bahamas': 'BS',
  'The Gambia': 'GM',
  "Ministry of Foreign Affairs of the People's Republic of China": 'CN',
  'Ministry of Foreign Affairs of the Russian Federation': 'RU',
  'Ministry of Foreign Affairs and Cooperation of the Republic of Rwanda': 'RW',
  'Government of Sweden': 'SE',
};

/**
 * Bodies that send missions on an organization's behalf. The European Parliament's liaison office
 * in Washington is the EU's: the graph holds the EU, not its institutions one by one.
 */
const ORGANIZATION_LABELS: Record<string, string> = {
  'European Parliament': 'EU',
};

/**
 * Senders and hosts the graph has no node for, and why their rows are reported rather than loaded.
 * States with limited recognition (Abkhazia, South Ossetia, Northern Cyprus, Somaliland) are Country
 * nodes and the Order of Malta, Quebec and the Central Tibetan Administration Organizations
 * (seeds/states-with-limited-recognition.json, seeds/mission-senders.json): their rows load. Hong
 * Kong and Macau stay reported: they are not states, and placing their missions in China would say
 * more than the rows do (a consulate general in Hong Kong is accredited to its government).
 */
const NOT_IN_GRAPH: Record<string, string> = {
  'Hong Kong': "Hong Kong is a special administrative region of the People's Republic of China, not a state: the graph does not place missions to its government in China",
  Macau: "Macau is a special administrative region of the People's Republic of China, not a state; the graph has no node for its government",
  'Ministry of Foreign Affairs': "a ministry that does not say whose",
};

/** Wikidata's cities the seed files already hold under their own id. */
const SEED_CITIES: Record<string, string> = { Q1218: 'jerusalem', Q61: 'washington' };

type Sender = { kind: 'Country' | 'Organization'; code: string };

function stateCode(names: Names, name: string): string | undefined {
  return names.country(name) ?? STATE_LABELS[name];
}

function sender(names: Names, name: string): Sender | string {
  const code = stateCode(names, name);
  if (code) return { kind: 'Country', code };
  const organization = names.organization(name) ?? ORGANIZATION_LABELS[name];
  if (organization) return { kind: 'Organization', code: organization };
  return NOT_IN_GRAPH[name] ?? `operator ${JSON.stringify(name)} resolves to no state or organization in the graph`;
}

const text = (value: string | undefined) => (value ?? '').trim();

export const wikidataDiplomaticMissions: DatasetMapping = {
  name: 'wikidata-diplomatic-missions',
  columns: [
    'qid', 'operator', 'operator_qid', 'type', 'type_qid', 'host_country', 'host_country_qid', 'city', 'city_qid',
    'jurisdictions', 'jurisdiction_qids', 'address', 'latitude', 'longitude', 'website', 'created',
  ],
  source: {
    publisher: 'Wikidata, as published by the database-of-embassies project',
    title: 'Diplomatic missions recorded in Wikidata (snapshot)',
    url: 'https://www.wikidata.org/',
    license: 'CC0 1.0',
    date: '2024-08-01',
    note: 'A snapshot of August 2024 (the month, not the day, is known: stored as its first day). A mission in Wikidata is evidence that it exists or existed when last edited, not of the day it opened.',
  },
  shape: 'wikidata-diplomatic-missions',
  // An embassy-level mission accredited to a state is evidence that the two have relations.
  derive: { query: 'derive-relations-from-missions', what: 'diplomatic relations', params: { relationsEvidence: [...RELATIONS_EVIDENCE] } },
  map(row, { names }) {
    const qid = text(row.qid);
    if (!isItemIdOnly(qid)) return { reject: `qid ${JSON.stringify(row.qid)} is not a Wikidata item id` };
    const reject = (reason: string) => ({ reject: reason, key: qid });

    const operator = label(text(row.operator), 'operator');
    if ('reason' in operator) return reject(operator.reason);
    const from = sender(names, operator.ok);
    if (typeof from === 'string') return reject(from);

    const hostLabel = label(text(row.host_country), 'host country');
    if ('reason' in hostLabel) return reject(hostLabel.reason);
    const host = stateCode(names, hostLabel.ok);
    if (!host) return reject(NOT_IN_GRAPH[hostLabel.ok] ?? `host country ${JSON.stringify(hostLabel.ok)} resolves to no state in the graph`);

    const place = coordinates(text(row.latitude), text(row.longitude));
    if ('reason' in place) return reject(place.reason);
    let created: unknown;
    if (text(row.created)) {
      const day = calendarDay(text(row.created).slice(0, 10), 'created');
      if ('reason' in day || !/^\d{4}-\d{2}-\d{2}(T00:00:00Z)?$/.test(text(row.created))) return reject('reason' in day ? day.reason : `created ${JSON.stringify(row.created)} is not a Wikidata day`);
      created = neo4jDate(day.ok);
    }

    // Jurisdictions that are states become accreditations; the others (consular districts such as
    // Bavaria, territories, organizations) stay on the mission as Wikidata names them.
    const jurisdictionLabels = text(row.jurisdictions) ? text(row.jurisdictions).split('|').map((j) => j.trim()) : [];
    const jurisdictionQids = text(row.jurisdiction_qids) ? text(row.jurisdiction_qids).split('|').map((j) => j.trim()) : [];
    if (jurisdictionLabels.length !== jurisdictionQids.length) return reject(`${jurisdictionLabels.length} jurisdictions but ${jurisdictionQids.length} jurisdiction ids`);
    const accredited = new Set<string>();
    const otherJurisdictions: string[] = [];
    for (const j of jurisdictionLabels) {
      const checked = label(j, 'jurisdiction');
      if ('reason' in checked) return reject(checked.reason);
      const code = stateCode(names, j);
      if (code) accredited.add(code);
      else otherJurisdictions.push(j);
    }

    const mission: Props = { type: missionType(text(row.type_qid)), typeLabel: text(row.type) || null, typeQid: text(row.type_qid) || null };
    if (text(row.address)) mission.address = text(row.address);
    if (place.ok) mission.location = neo4jPoint(place.ok.latitude, place.ok.longitude);
    if (text(row.website)) mission.website = text(row.website);
    if (created) mission.created = created;
    if (otherJurisdictions.length) mission.otherJurisdictions = otherJurisdictions;
    for (const key of Object.keys(mission)) if (mission[key] === null) delete mission[key];

    const elements: Element[] = [
      { kind: 'node', ref: `Mission:${qid}`, props: mission },
      { kind: 'fact', ref: `sends-${qid}`, props: {} },
    ];
    // Wikidata sometimes gives the sending state as the host (27 of Australia's posts abroad): a state's
    // post in its own territory is rare (Italy's embassy to the Holy See, in Rome), so that statement
    // is not trusted: the mission gets no HOSTED_BY, stays in its city (whose state other rows give),
    // and says nothing of where the city lies.
    const ownHost = from.kind === 'Country' && from.code === host;
    let city: { id: string; node: boolean; locatedId: string | null } | null = null;
    const cityQid = text(row.city_qid);
    if (cityQid) {
      if (!isItemIdOnly(cityQid)) return reject(`city_qid ${JSON.stringify(row.city_qid)} is not a Wikidata item id`);
      const cityName = label(text(row.city), 'city');
      if ('reason' in cityName) return reject(cityName.reason);
      const seeded = SEED_CITIES[cityQid];
      // A seeded city keeps its own description, and where it lies is not this data set's to say (Jerusalem);
      // nor is it where Wikidata gives the sender as the host (see ownHost).
      city = { id: seeded ?? cityQid, node: !seeded, locatedId: seeded || ownHost ? null : `located-in-${cityQid}-${host}` };
      if (city.node) {
        const cityItem = [`https://www.wikidata.org/wiki/${cityQid}`];
        elements.push({ kind: 'node', ref: `City:${cityQid}`, props: { name: cityName.ok, nameKeys: nameKeys([cityName.ok]) }, shared: true, origins: cityItem });
      }
      if (city.locatedId) elements.push({ kind: 'fact', ref: city.locatedId, props: {}, shared: true });
    }
    if (city) elements.push({ kind: 'fact', ref: `located-in-${qid}`, props: {} });
    if (!ownHost) elements.push({ kind: 'fact', ref: `hosted-by-${qid}`, props: {} });
    const jurisdictions = [...accredited].map((code) => ({ code, id: `accredited-${qid}-${code}` }));
    for (const j of jurisdictions) elements.push({ kind: 'fact', ref: j.id, props: {} });

    return {
      key: qid,
      origins: [`https://www.wikidata.org/wiki/${qid}`],
      shape: { id: qid, senderKind: from.kind, sender: from.code, host: ownHost ? null : host, city, jurisdictions },
      elements,
    };
  },
};
