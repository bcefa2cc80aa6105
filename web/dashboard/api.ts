import type { DiplomaticNetwork, MissionType } from '../../src/generated/graphql';
import type { FactRecord, SourceRef } from './status';

/**
 * The dashboard's only way to the data: the public GraphQL API at /graphql, anonymously, with the
 * named operations of OPERATIONS: one per entity (the picker, every state's facts about it,
 * optionally its agreements), the agreements alone, one per selected state (its network and
 * leaders), and the next pages of a state's leaders and missions. Their cost is under the anonymous
 * limits (test/unit/cost.test.ts weighs each).
 */

export class ApiError extends Error {
  constructor(message: string, readonly code: string | undefined) {
    super(message);
  }
}

/** Every request the page made, for the tests to count ("first view from at most two"). */
export const requestLog: string[] = [];

/** Sends one of OPERATIONS by name: the dashboard sends nothing else, so the cost test weighs all it sends. */
async function graphql<T>(operationName: keyof typeof OPERATIONS, variables: Record<string, unknown>): Promise<T> {
  const query = OPERATIONS[operationName];
  requestLog.push(operationName);
  const response = await fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' },
    body: JSON.stringify({ operationName, query, variables }),
  });
  const body = (await response.json()) as { data?: T | null; errors?: { message: string; extensions?: { code?: string } }[] };
  if (body.errors?.length) throw new ApiError(body.errors.map((e) => e.message).join('; '), body.errors[0]?.extensions?.code);
  return body.data as T;
}

/** The selections the operations below share (GraphQL text, interpolated). */
const SOURCE = 'sources { id publisher title date url }';
const AGREEMENT_FIELDS = `
    id title date
    parties(first: 10) { __typename id name }
    signatories(first: 10) { person { id name } ${SOURCE} }
    mediators(first: 10) { role actor { __typename id name } ${SOURCE} }
    ${SOURCE}`;
const TERM_FIELDS = `
    role since until untilInferred
    person { id name wikidata }
    origins
    ${SOURCE}`;
const MISSION_FRAGMENT = `fragment DashboardMission on Mission {
  id wikidata type typeLabel
  sender { __typename id name }
  host { code name }
  city { name }
  location { latitude longitude }
  ${SOURCE}
}`;

const AGREEMENTS_QUERY = `query DashboardAgreements($of: ID!) {
  agreements(party: $of, first: 20) {${AGREEMENT_FIELDS}
  }
}`;

export const ENTITY_QUERY = `query DashboardEntity($of: ID!, $withAgreements: Boolean!) {
  entity: country(code: $of) { code name }
  contestedStates { country { code name } }
  recognitionStatuses(of: $of, first: 300) {
    total
    items {
      country { code name isoNumeric region }
      recognition { id since sincePrecision until withdrawal inferred note ${SOURCE} }
      refusal { id since inferred note ${SOURCE} }
      withdrawalClaim { id since claimedBy { code name } note ${SOURCE} }
    }
  }
  agreements(party: $of, first: 20) @include(if: $withAgreements) {${AGREEMENT_FIELDS}
  }
}`;

const STATE_QUERY = `query DashboardState($code: ID!) {
  country(code: $code) {
    code name
    diplomaticNetwork { rank total embassies consulates otherPosts honoraryConsulates hostStates accreditedStates }
    missions(first: 100) { totalCount pageInfo { hasNextPage endCursor } nodes { ...DashboardMission } }
    hostedMissions(first: 100) { totalCount pageInfo { hasNextPage endCursor } nodes { ...DashboardMission } }
  }
  leaders(of: $code, first: 100) {${TERM_FIELDS}
  }
}
${MISSION_FRAGMENT}`;

const MORE_LEADERS_QUERY = `query DashboardMoreLeaders($code: ID!, $offset: Int!) {
  leaders(of: $code, first: 100, offset: $offset) {${TERM_FIELDS}
  }
}`;

const MORE_MISSIONS_QUERY = `query DashboardMoreMissions($code: ID!, $after: String, $hosted: Boolean!) {
  country(code: $code) {
    missions(first: 300, after: $after) @skip(if: $hosted) { totalCount pageInfo { hasNextPage endCursor } nodes { ...DashboardMission } }
    hostedMissions(first: 300, after: $after) @include(if: $hosted) { totalCount pageInfo { hasNextPage endCursor } nodes { ...DashboardMission } }
  }
}
${MISSION_FRAGMENT}`;

/** Every operation the dashboard sends, by name (test/unit/cost.test.ts weighs each). */
export const OPERATIONS = {
  DashboardEntity: ENTITY_QUERY,
  DashboardAgreements: AGREEMENTS_QUERY,
  DashboardState: STATE_QUERY,
  DashboardMoreLeaders: MORE_LEADERS_QUERY,
  DashboardMoreMissions: MORE_MISSIONS_QUERY,
} as const;

export interface Agreement {
  id: string;
  title: string;
  date: string | null;
  parties: { __typename: string; id: string; name: string }[];
  signatories: { person: { id: string; name: string }; sources: SourceRef[] }[];
  mediators: { role: string | null; actor: { __typename: string; id: string; name: string }; sources: SourceRef[] }[];
  sources: SourceRef[];
}

export interface EntityData {
  entity: { code: string; name: string };
  contestedStates: { country: { code: string; name: string } }[];
  recognitionStatuses: { total: number; items: FactRecord[] };
  agreements?: Agreement[];
}

export interface Mission {
  id: string;
  wikidata: string;
  type: MissionType;
  typeLabel: string;
  sender: { __typename: string; id: string; name: string };
  host: { code: string; name: string } | null;
  city: { name: string } | null;
  location: { latitude: number; longitude: number } | null;
  sources: SourceRef[];
}

export interface MissionPage {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  nodes: Mission[];
}

/** A state's diplomatic network as `Country.diplomaticNetwork` gives it. */
export type Network = Omit<DiplomaticNetwork, '__typename' | 'country'>;

export interface Term {
  role: string;
  since: string | null;
  until: string | null;
  untilInferred: boolean;
  person: { id: string; name: string; wikidata: string | null };
  origins: string[];
  sources: SourceRef[];
}

export interface StateData {
  country: { code: string; name: string; diplomaticNetwork: Network; missions: MissionPage; hostedMissions: MissionPage };
  leaders: Term[];
}

export function loadEntity(of: string, withAgreements: boolean): Promise<EntityData> {
  return graphql<EntityData>('DashboardEntity', { of, withAgreements });
}

export async function loadAgreements(of: string): Promise<Agreement[]> {
  return (await graphql<{ agreements: Agreement[] }>('DashboardAgreements', { of })).agreements;
}

export function loadState(code: string): Promise<StateData> {
  return graphql<StateData>('DashboardState', { code });
}

/** Page size of a state's missions and leaders: most states have fewer, and a query is weighed by its pages (see README, Limits). */
export const PAGE = 100;

export async function loadMoreLeaders(code: string, offset: number): Promise<Term[]> {
  return (await graphql<{ leaders: Term[] }>('DashboardMoreLeaders', { code, offset })).leaders;
}

export async function loadMoreMissions(code: string, after: string, hosted: boolean): Promise<MissionPage> {
  const data = await graphql<{ country: { missions?: MissionPage; hostedMissions?: MissionPage } }>('DashboardMoreMissions', { code, after, hosted });
  return (hosted ? data.country.hostedMissions : data.country.missions)!;
}
