// `tsmonit --help`.
export const USAGE = `Usage: tsmonit [options] [command]

Options:
  -c FILE          control file (default: ./monitrc.yml, ~/.tsmonitrc.yml, /etc/tsmonit/monitrc.yml,
                   then monit's ~/.monitrc, /etc/monitrc, /etc/monit/monitrc)
  -d SECONDS       cycle length, overrides the control file's daemon
  -l LOGFILE       log target: a file, stdout or syslog
  -v               verbose (debug) logging
  -I               stay in the foreground (always the case; accepted for monit's sake)
  -t               check the control file, print every error, exit
  -g GROUP         restrict status, summary, report and the actions to a group
  -B               batch mode: no colours, no box tables (also when stdout is not a terminal)
  --json           status, summary, report, validate: print the API's JSON
  --wait[=SECONDS] actions: wait for the result (default: as long as the daemon's timeouts allow)
  -V, --version    print the version
  -h, --help       this text

Commands:
  (none)                        run the daemon in the foreground
  status [NAME]                 per-service details, like monit status
  summary [NAME]                one line per service: name, status, type
  report [up|down|initializing|unmonitored|total]
                                service counts (with a type: just that number)
  start|stop|restart|monitor|unmonitor NAME|all
                                ask the daemon to act; returns once accepted (--wait: once done)
  reload                        re-read the control file
  quit                          stop the daemon
  validate                      one full check pass now (in-process when no daemon runs)
  procmatch REGEX               which process a 'matching' check would pick
  convert MONITRC               print the YAML equivalent of a monit control file

NAME is a service name, or a pattern matched case-insensitively against whole names
(monit's rule: anchored unless it holds ^ or $). The CLI reaches the daemon through the
control socket, else through httpd with the control file's first read-write cleartext user.
Exit status: 0 ok, 1 error (daemon not running, unknown service, failed action), 2 usage.
`;
