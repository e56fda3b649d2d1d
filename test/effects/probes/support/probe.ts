// Building connection tests for probe tests.
import type { ProbeContext } from '../../../../src/model/ports.ts';
import type { ConnectionTest, PortTarget, ProtocolSpec } from '../../../../src/model/rule.ts';

export const context: ProbeContext = { defaultHost: '127.0.0.1', timeoutMs: 3000 };

export function portTest(port: number, protocol?: string, options: ProtocolSpec['options'] = {},
  extra: Partial<ConnectionTest> = {}, target: Partial<PortTarget> = {}): ConnectionTest {
  return {
    kind: 'connection',
    target: { type: 'port', port, socket: 'tcp', ...target },
    ...(protocol ? { protocol: { name: protocol, options } } : {}),
    ...extra,
  };
}

export function sendExpectTest(port: number, steps: NonNullable<ProtocolSpec['sendExpect']>, socket: PortTarget['socket'] = 'tcp'): ConnectionTest {
  return { kind: 'connection', target: { type: 'port', port, socket }, protocol: { name: 'generic', options: {}, sendExpect: steps } };
}
