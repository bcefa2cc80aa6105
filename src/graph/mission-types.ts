/**
 * The model's kinds of mission (stored as `Mission.type`), and which of them count as what. Kept in
 * one place: the missions mapping classifies rows into these, the named queries take the groups as
 * parameters, and the schema's MissionType enum lists the same names.
 */
export const MISSION_TYPES = [
  'EMBASSY', 'HIGH_COMMISSION', 'APOSTOLIC_NUNCIATURE', 'CONSULATE_GENERAL', 'CONSULATE', 'HONORARY_CONSULATE',
  'DE_FACTO_EMBASSY', 'DE_FACTO_CONSULATE', 'LIAISON_OFFICE', 'INTERESTS_SECTION', 'APOSTOLIC_DELEGATION',
  'PERMANENT_MISSION', 'TRADE_OFFICE', 'GOVERNMENT_OFFICE', 'OTHER',
] as const;
export type MissionTypeName = (typeof MISSION_TYPES)[number];

/**
 * Posts that are evidence of diplomatic relations with the states they are accredited to: a state's
 * embassy-level missions. Consular posts can exist without relations; a de facto embassy, a liaison
 * office, an interests section or an apostolic delegation exists precisely where there are none.
 */
export const RELATIONS_EVIDENCE: readonly MissionTypeName[] = ['EMBASSY', 'HIGH_COMMISSION', 'APOSTOLIC_NUNCIATURE'];

/** Missions that are a state's embassy in a city, whose recorded embassy events (opened, moved back...) are theirs. */
export const EMBASSY_TYPES: readonly MissionTypeName[] = [...RELATIONS_EVIDENCE, 'DE_FACTO_EMBASSY'];

/** How a diplomatic network is counted (after the Lowy Institute's Global Diplomacy Index): honorary posts apart. */
export const NETWORK_GROUPS = {
  embassies: ['EMBASSY', 'HIGH_COMMISSION', 'APOSTOLIC_NUNCIATURE'],
  consulates: ['CONSULATE_GENERAL', 'CONSULATE'],
  honorary: ['HONORARY_CONSULATE'],
} as const satisfies Record<string, readonly MissionTypeName[]>;
