export { createProgramRunner, type ProgramRunnerOptions } from './program-runner.ts';
export { resolveUser, resolveGroup, type UserEntry, type GroupEntry, type UserFiles } from './users.ts';
