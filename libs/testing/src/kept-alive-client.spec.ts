import { createServer, Server, Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { KeptAliveClient } from './kept-alive-client';

/**
 * A minimal HTTP/1.1 server over raw sockets, so that the test decides exactly when a connection
 * closes: `closeOn(n)` says whether the n-th request on a connection (1-based) is answered or met by
 * the connection closing, unanswered.
 */
async function startServer(closeOn: (requestOnConnection: number) => boolean) {
  const connections: { fresh: number; answered: number } = { fresh: 0, answered: 0 };
  const server: Server = createServer((socket: Socket) => {
    connections.fresh += 1;
    let requests = 0;
    let buffered = '';
    socket.on('data', (chunk) => {
      buffered += chunk.toString('latin1');
      // Each request of the test is a small POST with a body of two bytes.
      while (buffered.includes('\r\n\r\n') && buffered.length >= buffered.indexOf('\r\n\r\n') + 4 + 2) {
        buffered = buffered.slice(buffered.indexOf('\r\n\r\n') + 4 + 2);
        requests += 1;
        if (closeOn(requests)) {
          socket.destroy();
          return;
        }
        connections.answered += 1;
        socket.write('HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 2\r\nConnection: keep-alive\r\nKeep-Alive: timeout=5\r\n\r\nok');
      }
    });
  });
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  return { server, connections, port: (server.address() as AddressInfo).port };
}

describe('KeptAliveClient', () => {
  const headers = { 'content-type': 'text/plain', 'content-length': '2' };

  it('sends a request again, on a new connection, when the server closed a kept-alive connection as the request was written', async () => {
    // What the server's Keep-Alive timeout firing at the moment the client reuses the connection looks
    // like from the client's side: the second request on a connection is met by the connection closing.
    const { server, connections, port } = await startServer((n) => n === 2);
    const client = new KeptAliveClient(() => port);
    try {
      expect((await client.post('/', headers, 'ab')).text).toBe('ok');
      expect((await client.post('/', headers, 'ab')).text).toBe('ok');
      expect(connections).toEqual({ fresh: 2, answered: 2 });
    } finally {
      client.destroy();
      server.close();
    }
  });

  it('does not hide a server that closes connections: a request met by a closing fresh connection fails', async () => {
    const { server, connections, port } = await startServer(() => true);
    const client = new KeptAliveClient(() => port);
    try {
      await expect(client.post('/', headers, 'ab')).rejects.toThrow(/socket hang up|ECONNRESET/);
      expect(connections.answered).toBe(0);
    } finally {
      client.destroy();
      server.close();
    }
  });

  it('keeps answering when every kept-alive connection is closed under it', async () => {
    // Every request after the first on a connection is met by a close: each retry goes on a new
    // connection (its first request) and is answered.
    const { server, connections, port } = await startServer((n) => n >= 2);
    const client = new KeptAliveClient(() => port);
    try {
      for (let i = 0; i < 3; i += 1) expect((await client.post('/', headers, 'ab')).text).toBe('ok');
      expect(connections.answered).toBe(3);
    } finally {
      client.destroy();
      server.close();
    }
  });
});
