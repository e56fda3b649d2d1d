// 1. Recovery: memcached (-d -P pidfile) SIGKILLed at random points of the 1 s cycle; time from the kill
// until a new connection gets an answer to `version`. Goal: median <= 0.25x monit's.
import { memcachedScenario } from '../lib/memcached.ts';

export const scenario = memcachedScenario({
  name: 'recovery',
  title: 'Recovery after SIGKILL (memcached, daemon 1)',
  rule: (port) => `if failed host 127.0.0.1 port ${port} protocol memcache then restart`,
  signal: 'SIGKILL',
  delayMs: () => Math.random() * 1000, // a random point of the cycle
  answerTimeoutMs: 60000,
  reps: { quick: 5, full: 15 },
  metric: (kills) => `kill → answers version, ${kills} kills`,
  goal: '≤ 0.25× monit',
  goalFactor: 0.25,
});
