// The headers most daemon tests start their control file with: the cycle, a state file in the test's
// directory, and for a spawned tsmonit a log file there too.

/**
 * A control file template for startMonitor: `daemon: <cycle>`, `statefile: ${DIR}/state.json`,
 * `control_socket: false`, then body as it is (a body that starts with a newline starts on line 5).
 */
export function daemonYaml(cycle: string, body: string): string {
  return `daemon: ${cycle}\nstatefile: \${DIR}/state.json\ncontrol_socket: false\n${body}`;
}

/**
 * A control file template for a spawned tsmonit (spawnTsmonit): as daemonYaml plus `log: ${DIR}/tsmonit.log`;
 * with socket, a pidfile and a control socket in ${DIR} (for the CLI and the single-instance guard).
 */
export function spawnedYaml(cycle: string, body: string, { socket = false }: { socket?: boolean } = {}): string {
  const control = socket ? 'pidfile: ${DIR}/tsmonit.pid\ncontrol_socket: ${DIR}/tsmonit.sock' : 'control_socket: false';
  return `daemon: ${cycle}\nlog: \${DIR}/tsmonit.log\nstatefile: \${DIR}/state.json\n${control}\n${body}`;
}
