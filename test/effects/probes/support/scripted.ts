// Tiny misbehaving servers for error paths: silent, garbage, closing, resetting, trickling.
import net from 'node:net';

export interface Scripted {
  port: number;
  /** Sockets accepted so far. */
  accepted(): number;
  close(): Promise<void>;
}

export async function scriptedServer(onConnection: (socket: net.Socket) => void, host = '127.0.0.1'): Promise<Scripted> {
  const sockets = new Set<net.Socket>();
  let count = 0;
  const server = net.createServer((socket) => {
    count++;
    sockets.add(socket);
    socket.on('error', () => undefined);
    socket.on('close', () => sockets.delete(socket));
    onConnection(socket);
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    accepted: () => count,
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/** Accepts and never says anything (reads and drops what it is sent). */
export const silentServer = (): Promise<Scripted> => scriptedServer((s) => s.resume());

/** Says text once, then stays silent. */
export const sayingServer = (text: string | Buffer): Promise<Scripted> => scriptedServer((s) => {
  s.resume();
  s.write(text);
});

/** Answers each chunk it receives with text (after an optional greeting). */
export const answeringServer = (answer: string | Buffer, greeting?: string): Promise<Scripted> => scriptedServer((s) => {
  if (greeting !== undefined) s.write(greeting);
  s.on('data', () => s.write(answer));
});

/** Accepts, then closes its side at once (FIN): a half-open connection from the client's view. */
export const closingServer = (): Promise<Scripted> => scriptedServer((s) => {
  s.resume();
  s.end();
});

/** Accepts, then resets the connection. */
export const resettingServer = (): Promise<Scripted> => scriptedServer((s) => s.resetAndDestroy());

/** Writes text one byte every intervalMs. */
export const tricklingServer = (text: string, intervalMs = 1000): Promise<Scripted> => scriptedServer((s) => {
  s.resume();
  let i = 0;
  const timer = setInterval(() => {
    if (i >= text.length || s.destroyed) {
      clearInterval(timer);
      return;
    }
    s.write(text[i++] ?? '');
  }, intervalMs);
  s.on('close', () => clearInterval(timer));
});
