import { Agent, request as httpRequest } from 'node:http';

export interface PlainResponse {
  status: number;
  text: string;
  contentType: string;
}

/**
 * POSTs over kept-alive connections, as a client with a connection pool makes them: the suites make
 * tens of thousands of calls, and a new connection for each costs more CPU than the server's answer.
 *
 * A kept-alive connection can be closed by the server (its Keep-Alive timeout: Fastify's 72 s) just as the client
 * writes the next request on it: the request is met by the connection closing ("socket hang up") and
 * the server never read it. Node's agent lets an idle connection go 1 s before the server's timeout,
 * which covers an idle process but not one starved of CPU for a second (CI runs jest under `nice`
 * beside Chromium): T5 failed that way once. Node's documented remedy
 * (https://nodejs.org/api/http.html#requestreusedsocket): send such a request again. It goes on a new
 * connection, once, so a server that closes connections on a request still fails the call.
 */
export class KeptAliveClient {
  private readonly agent = new Agent({ keepAlive: true, maxSockets: 32 });

  constructor(private readonly port: () => number) {}

  post(path: string, headers: Record<string, string>, body: string): Promise<PlainResponse> {
    return this.send(path, headers, body, this.agent).catch((error: NodeJS.ErrnoException & { reusedSocket?: boolean }) => {
      if (error.reusedSocket && error.code === 'ECONNRESET') return this.send(path, headers, body, false);
      throw error;
    });
  }

  destroy(): void {
    this.agent.destroy();
  }

  /** `agent: false`: a connection of its own, closed after the answer. */
  private send(path: string, headers: Record<string, string>, body: string, agent: Agent | false): Promise<PlainResponse> {
    return new Promise<PlainResponse>((done, fail) => {
      const call = httpRequest({ host: '127.0.0.1', port: this.port(), path, method: 'POST', headers, agent }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => done({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8'), contentType: String(response.headers['content-type'] ?? '') }));
        response.on('error', fail);
      });
      call.on('error', (error: Error) => fail(Object.assign(error, { reusedSocket: call.reusedSocket })));
      call.end(body);
    });
  }
}
