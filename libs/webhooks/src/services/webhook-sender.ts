import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP } from 'node:net';
import { guardedLookup, isPrivateAddress } from './webhook-target';

export interface WebhookPost {
  url: string;
  headers: Record<string, string>;
  body: string;
  timeoutMs: number;
  production: boolean;
}

/** The target's answer: its status only (its text is never kept: it may quote anything). */
export interface WebhookAnswer {
  status: number;
}

/** A failure without an HTTP answer, named by a code (`TIMEOUT`, `ECONNREFUSED`, `PRIVATE_ADDRESS`). */
export class WebhookTransportError extends Error {
  constructor(readonly code: string) {
    super(code);
  }
}

/** One POST, no redirects followed, bounded in time; in production only to public addresses. */
export function postWebhook(post: WebhookPost): Promise<WebhookAnswer> {
  const url = new URL(post.url);
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  // An address given as such is connected to without a lookup: checked here.
  const literal = url.hostname.replace(/^\[|\]$/g, '');
  if (post.production && isIP(literal) && isPrivateAddress(literal)) return Promise.reject(new WebhookTransportError('PRIVATE_ADDRESS'));
  return new Promise((resolve, reject) => {
    const req = send(
      url,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(post.body).toString(), 'user-agent': 'Chancery-Webhooks/1', ...post.headers },
        lookup: guardedLookup(post.production) as never,
        timeout: post.timeoutMs,
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode ?? 0 }));
        res.on('error', () => resolve({ status: res.statusCode ?? 0 }));
      },
    );
    req.on('timeout', () => req.destroy(new WebhookTransportError('TIMEOUT')));
    req.on('error', (error: NodeJS.ErrnoException) =>
      reject(error instanceof WebhookTransportError ? error : new WebhookTransportError(/^[A-Z_]+$/.test(error.code ?? '') ? error.code! : 'NETWORK_ERROR')),
    );
    req.end(post.body);
  });
}
