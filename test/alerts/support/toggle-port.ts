// A TCP port the test opens and closes: what a `failed port` rule watches.
import net from 'node:net';

export interface TogglePort {
  port: number;
  up(): Promise<void>;
  down(): Promise<void>;
}

export async function togglePort(): Promise<TogglePort> {
  let server: net.Server | null = null;
  const sockets = new Set<net.Socket>();
  const t: TogglePort = {
    port: 0,
    async up() {
      if (server) return;
      const s = net.createServer((c) => {
        sockets.add(c);
        c.on('error', () => undefined);
        c.on('close', () => sockets.delete(c));
        c.end();
      });
      await new Promise<void>((resolve, reject) => {
        s.once('error', reject);
        s.listen(t.port, '127.0.0.1', () => resolve());
      });
      t.port = (s.address() as net.AddressInfo).port;
      server = s;
    },
    async down() {
      const s = server;
      server = null;
      if (!s) return;
      for (const c of sockets) c.destroy();
      await new Promise<void>((resolve) => s.close(() => resolve()));
    },
  };
  await t.up();
  return t;
}
