// `limits:` timeouts and buffer sizes, over DEFAULT_LIMITS.
import { DEFAULT_LIMITS, type Limits } from '../../model/config.ts';
import type { Field, YamlSource } from './source.ts';
import { checkKeys, duration, entriesOf, size } from './values.ts';

const DURATIONS: Record<string, keyof Limits> = {
  start_timeout: 'startTimeoutMs',
  stop_timeout: 'stopTimeoutMs',
  restart_timeout: 'restartTimeoutMs',
  exec_timeout: 'execTimeoutMs',
  program_timeout: 'programTimeoutMs',
  network_timeout: 'networkTimeoutMs',
};
const SIZES: Record<string, keyof Limits> = {
  program_output: 'programOutputBytes',
  send_expect_buffer: 'sendExpectBufferBytes',
  file_content_buffer: 'fileContentBufferBytes',
  http_content_buffer: 'httpContentBufferBytes',
};

export function readLimits(src: YamlSource, f: Field): Limits {
  const limits: Limits = { ...DEFAULT_LIMITS };
  const entries = entriesOf(src, f) ?? [];
  checkKeys(src, entries, [...Object.keys(DURATIONS), ...Object.keys(SIZES)], 'limits');
  for (const e of entries) {
    const key = DURATIONS[e.key] ?? SIZES[e.key];
    if (!key) continue;
    const value = DURATIONS[e.key] ? duration(src, e) : size(src, e);
    if (value === undefined) continue;
    // exec_timeout 0 means unlimited; every other zero would make its step fail at once.
    if (value === 0 && e.key !== 'exec_timeout') src.diags.error('TSM_E_VALUE', e.pos, `limits.${e.key} must be more than 0`);
    else limits[key] = value;
  }
  return limits;
}
