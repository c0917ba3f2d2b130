import { createServer, IncomingHttpHeaders, Server } from 'node:http';
import { AddressInfo } from 'node:net';

export interface ReceivedWebhook {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  answered: number;
}

/**
 * A webhook receiver on 127.0.0.1 for end-to-end tests: records every request; a path answers 500
 * (with a person's address in the text, which must never be kept) while it has failures left.
 */
export class WebhookReceiver {
  readonly received: ReceivedWebhook[] = [];
  private readonly failures = new Map<string, number>();
  private server?: Server;
  base = '';

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const path = req.url ?? '/';
        const left = this.failures.get(path) ?? 0;
        const answered = left > 0 ? 500 : 204;
        if (left > 0) this.failures.set(path, left - 1);
        this.received.push({ path, headers: req.headers, body: Buffer.concat(chunks).toString('utf8'), answered });
        res.statusCode = answered;
        res.end(answered === 500 ? 'internal error of ann@example.test' : '');
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.base = `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}`;
  }

  fail(path: string, times: number): void {
    this.failures.set(path, times);
  }

  at(path: string): ReceivedWebhook[] {
    return this.received.filter((r) => r.path === path);
  }

  /** The bodies a path accepted (2xx), parsed. */
  bodiesAt<T = { type: string; eventId: string; organisationId: string | null; data: Record<string, unknown> }>(path: string): T[] {
    return this.at(path).filter((r) => r.answered < 300).map((r) => JSON.parse(r.body) as T);
  }

  stop(): Promise<void> {
    return new Promise((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
