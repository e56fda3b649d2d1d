// The engine: pure functions from (spec, state, observation, now) to (state, events, actions).
export { evaluateCheck } from './check.ts';
export { isDue, cronMatches } from './schedule.ts';
export { initialServiceState, recordStart, applyUserAction } from './service-state.ts';
export { recordActionResult, type ActionResult } from './action-results.ts';
export { restoreState, effectiveOnReboot } from './restore.ts';
export { failuresOf, statusText } from './status.ts';
export { resolveProcess } from './process-identity.ts';
export { selectMatching } from './process-matching.ts';
export { processFigures } from './process-figures.ts';
export { ruleInWords, describeAction } from './rule-words.ts';
export { restartsWithin } from './restart-limits.ts';
export { eventKindOf } from './event-kinds.ts';
export { connectionWhere, connectionProtocol } from './connection-tests.ts';
export { networkRates } from './network-tests.ts';
export { checksumsNeeded } from './checksum-tests.ts';
export { abnormalEnd } from './program-tests.ts';
export { octal } from './path-tests.ts';
