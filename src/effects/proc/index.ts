export { createProcessTable, type ProcessTableOptions } from './process-table.ts';
export { readPidfile, parsePid } from './pidfile.ts';
export { CLOCK_TICKS_PER_SECOND } from './kernel.ts';
