import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * The HTTP request and reply as handlers, guards and filters see them (Nest's Fastify adapter).
 * Middleware sees Node's own objects instead (`IncomingMessage`, `ServerResponse`: @fastify/middie).
 */
export type HttpRequest = FastifyRequest;
export type HttpReply = FastifyReply;

/**
 * What a GraphQL resolver (and the rate limit) may do to the HTTP answer: set a header, such as a
 * cookie. Not Fastify's reply itself, which is a thenable (it settles once the answer is sent): Nest
 * awaits each resolver argument through its pipes, so a resolver handed the reply would wait for its
 * own answer, until the client gave up.
 */
export interface ResponseHeaders {
  header(name: string, value: string): void;
}

export function responseHeadersOf(reply: HttpReply): ResponseHeaders {
  return {
    header: (name, value) => {
      void reply.header(name, value);
    },
  };
}
