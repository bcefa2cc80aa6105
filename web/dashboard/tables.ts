import { NETWORK_GROUPS } from '../../src/graph/mission-types';
import type { Agreement, Mission, Term } from './api';
import { sourcesCell, type Table } from './export';
import { STATUS_LABELS, type MissionKind } from './palette';
import { standingOn, type FactRecord, type TimelineYear } from './status';

/**
 * The table behind each chart, built from what the page loaded: the same rows the page shows (the
 * map's table alternative, the timeline's, the network's, the leaders', the agreements'), and what
 * the CSV and JSON exports hold. Every row carries its facts' sources.
 */

export function recognitionTable(entity: { code: string; name: string }, records: FactRecord[], day: string): Table {
  const rows = [...records]
    .sort((a, b) => a.country.name.localeCompare(b.country.name))
    .map((r) => {
      const s = standingOn(r, day);
      const sources = [...(r.recognition?.sources ?? []), ...(r.refusal?.sources ?? []), ...(r.withdrawalClaim?.sources ?? [])];
      return {
        state: r.country.name,
        code: r.country.code,
        status: s.status,
        statusLabel: STATUS_LABELS[s.status],
        withdrawn: s.withdrawn,
        inferred: s.inferred,
        recognizedSince: r.recognition?.since ?? null,
        recognitionEnded: r.recognition?.until ?? (r.recognition?.withdrawal ? 'date unknown' : null),
        withdrawal: r.recognition?.withdrawal ?? null,
        refusalOnRecord: r.refusal !== null,
        withdrawalClaimedBy: r.withdrawalClaim && (r.withdrawalClaim.since === null || r.withdrawalClaim.since <= day) ? (r.withdrawalClaim.claimedBy?.name ?? 'unknown') : null,
        withdrawalClaimSince: r.withdrawalClaim && (r.withdrawalClaim.since === null || r.withdrawalClaim.since <= day) ? r.withdrawalClaim.since : null,
        note: [r.recognition?.note, r.refusal?.note, r.withdrawalClaim?.note].filter(Boolean).join(' / ') || null,
        sources: sourcesCell(sources),
      };
    });
  return {
    name: `recognition-of-${entity.code}-${day}`,
    columns: ['state', 'code', 'status', 'statusLabel', 'withdrawn', 'inferred', 'recognizedSince', 'recognitionEnded', 'withdrawal', 'refusalOnRecord', 'withdrawalClaimedBy', 'withdrawalClaimSince', 'note', 'sources'],
    rows,
  };
}

export function timelineTable(entity: { code: string; name: string }, years: TimelineYear[]): Table {
  return {
    name: `recognition-timeline-of-${entity.code}`,
    columns: ['year', 'recognitions', 'cumulative', 'withdrawals', 'withdrawalClaims', 'recognizingAtYearEnd', 'states', 'sources'],
    rows: years.map((y) => ({
      year: y.year,
      recognitions: y.recognitions,
      cumulative: y.cumulative,
      withdrawals: y.withdrawals,
      withdrawalClaims: y.withdrawalClaims,
      recognizingAtYearEnd: y.holding,
      states: y.states.map((s) => `${s.name} (${s.event} ${s.date})`).join('; '),
      sources: sourcesCell(dedupe(y.states.flatMap((s) => s.sources))),
    })),
  };
}

export function missionKind(type: Mission['type']): MissionKind {
  if ((NETWORK_GROUPS.embassies as readonly string[]).includes(type)) return 'embassy';
  if ((NETWORK_GROUPS.consulates as readonly string[]).includes(type)) return 'consulate';
  if ((NETWORK_GROUPS.honorary as readonly string[]).includes(type)) return 'honorary';
  return 'other';
}

export function missionsTable(state: { code: string }, missions: Mission[], direction: 'abroad' | 'in'): Table {
  return {
    name: `missions-${direction === 'abroad' ? 'of' : 'in'}-${state.code}`,
    columns: ['sender', 'senderCode', 'kind', 'type', 'typeLabel', 'city', 'host', 'hostCode', 'latitude', 'longitude', 'wikidata', 'sources'],
    rows: missions.map((m) => ({
      sender: m.sender.name,
      senderCode: m.sender.id,
      kind: missionKind(m.type),
      type: m.type,
      typeLabel: m.typeLabel,
      city: m.city?.name ?? null,
      host: m.host?.name ?? null,
      hostCode: m.host?.code ?? null,
      latitude: m.location?.latitude ?? null,
      longitude: m.location?.longitude ?? null,
      wikidata: m.wikidata,
      sources: sourcesCell(m.sources),
    })),
  };
}

export function leadersTable(state: { code: string }, terms: Term[]): Table {
  return {
    name: `leaders-of-${state.code}`,
    columns: ['role', 'person', 'since', 'until', 'untilInferred', 'wikidata', 'sources'],
    rows: terms.map((t) => ({
      role: t.role,
      person: t.person.name,
      since: t.since,
      until: t.until,
      untilInferred: t.untilInferred,
      wikidata: t.origins.join(' ') || null,
      sources: sourcesCell(t.sources),
    })),
  };
}

export function agreementsTable(entity: { code: string }, agreements: Agreement[]): Table {
  return {
    name: `agreements-of-${entity.code}`,
    columns: ['agreement', 'date', 'parties', 'signatories', 'mediators', 'sources'],
    rows: agreements.map((a) => ({
      agreement: a.title,
      date: a.date,
      parties: a.parties.map((p) => p.name).join('; '),
      signatories: a.signatories.map((s) => s.person.name).join('; '),
      mediators: a.mediators.map((m) => `${m.actor.name}${m.role ? ` (${m.role})` : ''}`).join('; '),
      sources: sourcesCell(dedupe([...a.sources, ...a.signatories.flatMap((s) => s.sources), ...a.mediators.flatMap((m) => m.sources)])),
    })),
  };
}

function dedupe<T extends { id: string }>(items: T[]): T[] {
  return [...new Map(items.map((i) => [i.id, i])).values()];
}
