import type { MissionTypeName } from '../graph/mission-types';

/**
 * Wikidata's classes of diplomatic mission (the `type_qid` column) as the model's mission types.
 * Classes named after one state's posts ("British High Commission", "Consulate General of Sweden")
 * are that kind of post. A class not listed here is OTHER, and keeps its label in `typeLabel`.
 */
const CLASSES: Record<string, MissionTypeName> = {
  Q3917681: 'EMBASSY', // embassy
  Q113065939: 'EMBASSY', // Embassy of the United States
  Q18414273: 'HIGH_COMMISSION', // high commission
  Q19600600: 'HIGH_COMMISSION', // British High Commission
  Q4824242: 'HIGH_COMMISSION', // Australian High Commission
  Q620045: 'APOSTOLIC_NUNCIATURE',
  Q372690: 'CONSULATE_GENERAL', // consulate general
  Q108058047: 'CONSULATE_GENERAL', // Consulate General of Sweden
  Q112307194: 'CONSULATE_GENERAL', // Consulate General of Belgium
  Q7843791: 'CONSULATE', // consulate
  Q24868622: 'CONSULATE', // consular office
  Q1783003: 'CONSULATE', // consular agency
  Q73088858: 'CONSULATE', // assistant high commission (a career consular post)
  Q10686185: 'CONSULATE', // consulates of Sweden
  Q23891529: 'HONORARY_CONSULATE',
  Q5244910: 'DE_FACTO_EMBASSY',
  Q579581: 'DE_FACTO_EMBASSY', // Taipei Representative Office
  Q7314257: 'DE_FACTO_EMBASSY', // representative office (Taiwan's)
  Q61881945: 'DE_FACTO_CONSULATE',
  Q64779402: 'LIAISON_OFFICE',
  Q94158456: 'INTERESTS_SECTION',
  Q2712647: 'APOSTOLIC_DELEGATION',
  Q2360219: 'PERMANENT_MISSION',
  Q4461020: 'TRADE_OFFICE',
  Q431071: 'GOVERNMENT_OFFICE', // Quebec Government Office
};

export function missionType(typeQid: string): MissionTypeName {
  return CLASSES[typeQid] ?? 'OTHER';
}
