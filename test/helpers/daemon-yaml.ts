// The header most in-process daemon tests start their control file with: the cycle, a state file in the
// test's directory, no control socket.

/**
 * A control file template for startMonitor: `daemon: <cycle>`, `statefile: ${DIR}/state.json`,
 * `control_socket: false`, then body as it is (a body that starts with a newline starts on line 5).
 */
export function daemonYaml(cycle: string, body: string): string {
  return `daemon: ${cycle}\nstatefile: \${DIR}/state.json\ncontrol_socket: false\n${body}`;
}
