import type { KnownFact } from '../../src/graph/repositories/candidates';
import type { Proposal } from '../../src/ingest/extract';
import type { Entity } from '../../src/ingest/gazetteer';
import { flagsFor } from '../../src/ingest/review';

const country = (id: string, name: string): Entity => ({ kind: 'COUNTRY', id, name, known: true, countries: [id] });
const proposal = (type: Proposal['type'], claim: Proposal['claim'] = 'DONE'): Proposal => ({
  type,
  subject: country('RS', 'Serbia'),
  object: country('XK', 'Kosovo'),
  city: null,
  role: null,
  parties: [],
  signatories: [],
  witnesses: [],
  mediators: [],
  kind: null,
  claim,
  date: '2020-09-04',
  datePrecision: 'DAY',
  dateText: null,
  evidence: { start: 0, end: 10, text: 'x' },
  confidence: 0.9,
});
const fact = (type: string, id: string): KnownFact => ({ subject: 'RS', object: 'XK', type, forward: true, id, validFrom: null, validTo: null, status: null, role: null, city: null });

describe('flags from what the graph holds', () => {
  it('a recognition where the graph has a refusal contradicts it', () => {
    const { flags } = flagsFor(proposal('RECOGNIZES'), { facts: [fact('DOES_NOT_RECOGNIZE', 'nonrec-RS-XK')], agreements: [] });
    expect(flags).toEqual([{ kind: 'CONTRADICTS', message: 'The graph has Serbia refusing to recognize Kosovo (nonrec-RS-XK).' }]);
  });

  it('a refusal where the graph has a standing recognition contradicts it; an ended one does not', () => {
    const standing = flagsFor(proposal('DOES_NOT_RECOGNIZE'), { facts: [fact('RECOGNIZES', 'rec-RS-XK')], agreements: [] });
    expect(standing.flags.map((f) => f.kind)).toEqual(['CONTRADICTS']);
    const ended = flagsFor(proposal('DOES_NOT_RECOGNIZE'), { facts: [{ ...fact('RECOGNIZES', 'rec-RS-XK'), validTo: '2019-01-01' }], agreements: [] });
    expect(ended.flags).toEqual([]);
  });

  it('a fact on file is known, with its id kept for the write', () => {
    const { flags, knownFact } = flagsFor(proposal('DOES_NOT_RECOGNIZE'), { facts: [fact('DOES_NOT_RECOGNIZE', 'nonrec-RS-XK')], agreements: [] });
    expect(flags.map((f) => f.kind)).toEqual(['ALREADY_KNOWN']);
    expect(knownFact).toBe('nonrec-RS-XK');
  });

  it('a recognition dated in another year than the graph says is flagged', () => {
    const { flags } = flagsFor(proposal('RECOGNIZES'), { facts: [{ ...fact('RECOGNIZES', 'rec-RS-XK'), validFrom: '2008-02-18' }], agreements: [] });
    expect(flags.map((f) => f.kind)).toEqual(['ALREADY_KNOWN', 'DATE_DIFFERS']);
  });

  it('a denial is flagged as disputed', () => {
    expect(flagsFor(proposal('WITHDRAWAL_CLAIMED', 'DENIED'), { facts: [], agreements: [] }).flags.map((f) => f.kind)).toEqual(['DISPUTED']);
  });

  it('a recognition reported after the end of the one on file is a renewal, not the old fact; one within it is the old fact', () => {
    const ended = { ...fact('RECOGNIZES', 'rec-RS-XK'), validFrom: '1990-01-01', validTo: '2010-06-01' };
    const renewal = flagsFor(proposal('RECOGNIZES'), { facts: [ended], agreements: [] });
    expect(renewal.knownFact).toBeNull();
    expect(renewal.flags).toEqual([{ kind: 'CONTRADICTS', message: "The graph has Serbia's recognition of Kosovo ended (rec-RS-XK, on 2010-06-01); accepting records a renewed recognition." }]);
    const within = flagsFor({ ...proposal('RECOGNIZES'), date: '1990-01-01' }, { facts: [ended], agreements: [] });
    expect(within.knownFact).toBe('rec-RS-XK');
    expect(within.flags.map((f) => f.kind)).toEqual(['ALREADY_KNOWN']);
    const renewedOnFile = flagsFor(proposal('RECOGNIZES'), { facts: [ended, { ...fact('RECOGNIZES', 'rec-RS-XK-2015-01-01'), validFrom: '2015-01-01' }], agreements: [] });
    expect(renewedOnFile.knownFact).toBe('rec-RS-XK-2015-01-01');
  });
});
