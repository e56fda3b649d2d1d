// A local HTTP receiver for webhooks: records each POST; can be closed and opened again on the same port.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedPost {
  headers: http.IncomingHttpHeaders;
  body: Record<string, unknown>;
  url: string;
}

export interface WebhookSink {
  port: number;
  posts: ReceivedPost[];
  /** The status the next answers have (200 by default). */
  status: number;
  open(): Promise<void>;
  close(): Promise<void>;
}

export async function startWebhookSink(port = 0): Promise<WebhookSink> {
  let server: http.Server | null = null;
  const sink: WebhookSink = {
    port,
    posts: [],
    status: 200,
    async open() {
      const s = http.createServer((req, res) => {
        const chunks: Buffer[] = [];
        req.on('data', (c: Buffer) => chunks.push(c));
        req.on('end', () => {
          if (sink.status >= 200 && sink.status < 300) {
            sink.posts.push({ headers: req.headers, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>, url: req.url ?? '' });
          }
          res.writeHead(sink.status, { 'content-type': 'text/plain', connection: 'close' });
          res.end(sink.status < 300 ? 'ok' : 'no');
        });
      });
      await new Promise<void>((resolve, reject) => {
        s.once('error', reject);
        s.listen(sink.port, '127.0.0.1', () => resolve());
      });
      sink.port = (s.address() as AddressInfo).port;
      server = s;
    },
    async close() {
      const s = server;
      server = null;
      if (!s) return;
      s.closeAllConnections();
      await new Promise<void>((resolve) => s.close(() => resolve()));
    },
  };
  await sink.open();
  return sink;
}
