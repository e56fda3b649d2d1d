// A second load generator beside autocannon: N loops, each request on a new connection (agent: false), as
// monit's own CLI and most scripts ask. autocannon keeps connections alive, which monit's HTTP/1.0 server
// closes after every answer; its latency figures for monit are not comparable (seconds where this client
// measures milliseconds), so latencies are also taken this way, the same for both tools.
import { request } from 'node:http';
import { percentile } from './stats.ts';

export interface FreshLoad {
  rps: number;
  p50: number;
  p99: number;
  failed: number;
}

export async function freshConnections(port: number, path: string, auth: string, connections: number, seconds: number): Promise<FreshLoad> {
  const latencies: number[] = [];
  let failed = 0;
  const end = performance.now() + seconds * 1000;
  const one = (): Promise<void> =>
    new Promise((resolve) => {
      const t0 = performance.now();
      const req = request({ host: '127.0.0.1', port, path, agent: false, headers: { authorization: auth } }, (res) => {
        res.resume();
        res.on('end', () => {
          if (res.statusCode === 200) latencies.push(performance.now() - t0);
          else failed += 1;
          resolve();
        });
      });
      req.on('error', () => {
        failed += 1;
        resolve();
      });
      req.end();
    });
  const loop = async () => {
    while (performance.now() < end) await one();
  };
  const began = performance.now();
  await Promise.all(Array.from({ length: connections }, loop));
  const elapsedS = (performance.now() - began) / 1000;
  return { rps: latencies.length / elapsedS, p50: percentile(latencies, 50) ?? Number.NaN, p99: percentile(latencies, 99) ?? Number.NaN, failed };
}
