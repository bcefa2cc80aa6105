import { neo4jDate, type DatasetMapping, type Props } from './mapping';
import { label, partialDay } from './validate';

/**
 * UN member states and the day each was admitted. A state's membership is the one MEMBER_OF the
 * United Nations the world seed already holds (`member-XX-UN`, from the world-countries package):
 * this data set adds its admission date, its note on continuity (China's seat, Serbia, Germany...)
 * and itself as a source, rather than a second fact.
 */
export const unMembership: DatasetMapping = {
  name: 'un-membership',
  columns: ['state', 'iso2', 'admitted', 'note', 'source'],
  source: {
    publisher: 'Wikipedia',
    title: 'Member states of the United Nations: the table of members and admission dates',
    url: 'https://en.wikipedia.org/wiki/Member_states_of_the_United_Nations',
    license: 'CC BY-SA 4.0',
    // The table gives no date of its own, and none is made up for it.
    date: null,
    note: 'The 193 member states with their admission dates, as copied in github.com/virgilus/data-science (data/un_members.csv); the note column explains continuity cases.',
  },
  shape: 'un-membership',
  map(row, { names }) {
    const state = label(row.state ?? '', 'state');
    if ('reason' in state) return { reject: state.reason };
    const given = (row.iso2 ?? '').trim().toUpperCase();
    const byName = names.country(state.ok);
    if (given && !/^[A-Z]{2}$/.test(given)) return { reject: `iso2 ${JSON.stringify(row.iso2)} is not an ISO 3166-1 alpha-2 code` };
    if (given && !names.hasCountry(given)) return { reject: `iso2 ${given} (${state.ok}) is no state in the graph` };
    if (given && byName && byName !== given) return { reject: `${state.ok} is ${byName} by name, but its iso2 says ${given}` };
    const code = given || byName;
    if (!code) return { reject: `${JSON.stringify(state.ok)} resolves to no state in the graph, and the row gives no iso2` };

    const props: Props = { status: 'MEMBER' };
    if ((row.admitted ?? '').trim()) {
      const admitted = partialDay(row.admitted!, 'admitted');
      if ('reason' in admitted) return { reject: admitted.reason, key: code };
      props.validFrom = neo4jDate(admitted.ok.day);
      props.precision = admitted.ok.precision;
    }
    if ((row.note ?? '').trim()) props.note = row.note!.trim();
    const origins = [...new Set((row.source ?? '').match(/https?:\/\/[^\s;|)]+/g) ?? [])];
    if (origins.length === 0) return { reject: 'the row cites no address in its source column', key: code };

    const id = `member-${code}-UN`;
    return { key: code, origins, shape: { code, id }, elements: [{ kind: 'fact', ref: id, props }] };
  },
};
