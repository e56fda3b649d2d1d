// A listener that accepts connections and never says a word: what a hung mail server looks like to a client.
import net from 'node:net';

export interface BlackHole {
  port: number;
  accepted: number;
  close(): Promise<void>;
}

export async function startBlackHole(): Promise<BlackHole> {
  const sockets = new Set<net.Socket>();
  const hole = { port: 0, accepted: 0, close: async () => undefined } as BlackHole;
  const server = net.createServer((socket) => {
    hole.accepted++;
    sockets.add(socket);
    socket.on('error', () => undefined);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  hole.port = (server.address() as net.AddressInfo).port;
  hole.close = () => {
    for (const s of sockets) s.destroy();
    return new Promise<void>((resolve) => server.close(() => resolve()));
  };
  return hole;
}
