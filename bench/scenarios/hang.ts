// 2. Hang: memcached SIGSTOPped; rule `if failed port P protocol memcache with timeout 5 seconds then
// restart`; time from SIGSTOP until a new connection gets an answer again. Goal: <= 1.0x monit.
// Both tools get the same stop program (SIGKILL by pidfile): monit has no default stop for a process.
// Both hold back port failures of a process younger than its start timeout ("initializing"), so the start
// timeout is 5 s here and each SIGSTOP comes when memcached has run longer than that.
import { memcachedScenario } from '../lib/memcached.ts';

const START_TIMEOUT_S = 5;

export const scenario = memcachedScenario({
  name: 'hang',
  title: 'Hang via SIGSTOP (memcache protocol test, timeout 5 s)',
  rule: (port) => `if failed host 127.0.0.1 port ${port} protocol memcache with timeout 5 seconds then restart`,
  stop: (dir) => `/bin/sh -c 'kill -9 $(cat ${dir}/memcached.pid)'`,
  startTimeoutS: START_TIMEOUT_S,
  signal: 'SIGSTOP',
  delayMs: () => START_TIMEOUT_S * 1000 + Math.random() * 1000,
  answerTimeoutMs: 90000,
  reps: { quick: 2, full: 5 },
  metric: (reps) => `SIGSTOP → answers again, ${reps} times`,
  goal: '≤ 1.0× monit',
  goalFactor: 1,
});
