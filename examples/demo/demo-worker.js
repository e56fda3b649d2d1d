#!/usr/bin/env node
// A demo background worker, found by `matching` (no pidfile): wakes up every second and does a little work.
//   node examples/demo/demo-worker.js --daemon --pidfile /tmp/tsmonit-demo-worker.pid
import { daemonize, option, writePidfile } from './daemonize.js';

const pidfile = option('pidfile', '/tmp/tsmonit-demo-worker.pid');

if (process.argv.includes('--daemon')) {
  await daemonize(pidfile);
} else {
  writePidfile(pidfile);
  const work = { jobs: 0 };
  setInterval(() => {
    work.jobs += 1;
  }, 1000);
}
