export { electionToDomain } from './election-to-domain';
export type { ImportContext, ImportedElection } from './election-to-domain';
export { domainToElection } from './domain-to-election';
