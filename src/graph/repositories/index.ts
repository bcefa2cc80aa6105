import type { Graph } from '../graph';
import { AgreementRepository } from './agreements';
import { CandidateRepository } from './candidates';
import { CountryRepository } from './countries';
import { EmbassyRepository } from './embassies';
import { GraphVersionRepository } from './graph-version';
import { MissionRepository } from './missions';
import { PersonRepository } from './people';
import { SourceRepository } from './sources';
import { WriteRepository } from './writes';

export interface Repositories {
  countries: CountryRepository;
  embassies: EmbassyRepository;
  missions: MissionRepository;
  agreements: AgreementRepository;
  people: PersonRepository;
  sources: SourceRepository;
  writes: WriteRepository;
  candidates: CandidateRepository;
  /** The graph's version (the last audit number), for ETags. */
  graphVersion: GraphVersionRepository;
}

export function createRepositories(graph: Graph): Repositories {
  return {
    countries: new CountryRepository(graph),
    embassies: new EmbassyRepository(graph),
    missions: new MissionRepository(graph),
    agreements: new AgreementRepository(graph),
    people: new PersonRepository(graph),
    sources: new SourceRepository(graph),
    writes: new WriteRepository(graph),
    candidates: new CandidateRepository(graph),
    graphVersion: new GraphVersionRepository(graph),
  };
}
