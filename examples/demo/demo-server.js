#!/usr/bin/env node
// The demo service that monitrc.example.yml supervises: a tiny HTTP server that daemonizes with a pidfile.
//   node examples/demo/demo-server.js --daemon --pidfile /tmp/tsmonit-demo.pid --port 8089
// Without --daemon it stays in the foreground.
import { createServer } from 'node:http';
import { daemonize, option, writePidfile } from './daemonize.js';

const pidfile = option('pidfile', '/tmp/tsmonit-demo.pid');
const port = Number(option('port', '8089'));

if (process.argv.includes('--daemon')) {
  await daemonize(pidfile);
} else {
  const started = new Date().toISOString();
  const server = createServer((req, res) => {
    res.setHeader('content-type', 'text/plain');
    res.end(`tsmonit demo service, pid ${process.pid}, up since ${started}\n`);
  });
  server.listen(port, '127.0.0.1', () => writePidfile(pidfile));
}
