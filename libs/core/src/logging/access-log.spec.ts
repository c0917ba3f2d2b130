import { createServer, IncomingMessage, request, Server } from 'node:http';
import { AddressInfo, Socket } from 'node:net';
import { Writable } from 'node:stream';
import { loadAppConfig } from '../config/app-config';
import { accessLogMiddleware } from './access-log';
import { AppLogger } from './app-logger';
import { createRootLogger } from './logger-options';

/** Log lines written to memory, parsed. */
function capture() {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  return { lines, destination };
}

const config = loadAppConfig({ NODE_ENV: 'test', LOG_LEVEL: 'info' });

describe('log lines of a request', () => {
  it('every line carries the id of the request it was written in, read when it is written; fields given win', () => {
    const { lines, destination } = capture();
    const request: { id?: string } = {};
    const logger = new AppLogger(createRootLogger(config, { destination }, () => request.id));
    logger.log('outside');
    request.id = 'request-one';
    logger.warn({ what: 'inside' }, 'Context');
    logger.log({ requestId: 'given-explicitly' });
    expect(lines.map((line) => line.requestId)).toEqual([undefined, 'request-one', 'given-explicitly']);
    expect(lines[1]).toMatchObject({ what: 'inside', context: 'Context', level: 40 });
  });

  it("leaves out @nestjs/typeorm's warning of a second application's default data source (npm start: API and worker in one process), and only that", () => {
    const { lines, destination } = capture();
    const logger = new AppLogger(createRootLogger(config, { destination }));
    const warning = 'A data source with the default name is already registered. Multiple data sources must be registered with unique names; otherwise, they will override each other.';
    logger.warn(warning, 'DataSourceNameRegistry');
    logger.warn('A data source with the reports name is already registered.', 'DataSourceNameRegistry');
    logger.warn(warning, 'SomethingElse');
    expect(lines.map((line) => [line.context, String(line.msg).slice(0, 40)])).toEqual([
      ['DataSourceNameRegistry', 'A data source with the reports name is a'],
      ['SomethingElse', 'A data source with the default name is a'],
    ]);
  });

  it("Nest's exception handler contract (message, stack, context) is logged as an error with its stack", () => {
    const { lines, destination } = capture();
    const logger = new AppLogger(createRootLogger(config, { destination }));
    logger.error('boom', 'Error: boom\n    at somewhere (file.js:1:1)', 'ExceptionsHandler');
    expect(lines[0]).toMatchObject({ level: 50, context: 'ExceptionsHandler' });
    expect(JSON.stringify(lines[0])).toContain('file.js');
  });

  it('a request or response handed to a logger keeps only method, path and status (no header, no query string)', () => {
    const { lines, destination } = capture();
    const logger = createRootLogger(config, { destination });
    const req = Object.assign(new IncomingMessage(new Socket()), {
      method: 'POST',
      url: '/graphql?email=ann@example.test',
      headers: { authorization: 'Bearer eyJ-secret', cookie: 'refresh=secret' },
    });
    logger.warn({ req, res: { statusCode: 401, getHeaders: () => ({ 'set-cookie': 'refresh=secret' }) } }, 'refused');
    expect(lines[0]).toMatchObject({ req: { method: 'POST', path: '/graphql' }, res: { statusCode: 401 } });
    expect(JSON.stringify(lines[0])).not.toMatch(/secret|ann@example/);
  });

  describe('the access line', () => {
    let server: Server;
    let port: number;
    const { lines, destination } = capture();
    beforeAll(async () => {
      const log = accessLogMiddleware(createRootLogger(config, { destination }));
      server = createServer((req, res) => {
        log(req, res, () => {
          if (req.url?.startsWith('/hang')) return; // the client goes away first
          res.statusCode = req.url?.startsWith('/fail') ? 500 : 200;
          res.end('{}');
        });
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      port = (server.address() as AddressInfo).port;
    });
    afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

    const get = (path: string, headers: Record<string, string> = {}) =>
      new Promise<void>((resolve) => {
        const call = request({ port, path, headers, host: '127.0.0.1' }, (res) => res.resume().on('end', resolve));
        call.on('error', () => resolve());
        if (path.startsWith('/hang')) setTimeout(() => { call.destroy(); resolve(); }, 50);
        call.end();
      });
    const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

    it('says method, path without its query string, status and time, under the request id the caller gave', async () => {
      await get('/verify/2026-000001?code=SECRET-CODE&email=ann@example.test', { 'x-request-id': 'caller-given-id-1' });
      await settle();
      const line = lines.pop()!;
      expect(line).toMatchObject({ msg: 'request completed', level: 30, requestId: 'caller-given-id-1', req: { method: 'GET', path: '/verify/2026-000001' }, res: { statusCode: 200 } });
      expect(typeof line.responseTime).toBe('number');
      expect(JSON.stringify(line)).not.toMatch(/SECRET-CODE|ann@example/);
    });

    it('a 5xx is an error line, a request the client abandoned a warning, a health check nothing', async () => {
      lines.length = 0;
      await get('/fail');
      await get('/hang');
      await get('/health/ready');
      await settle();
      expect(lines.map((line) => [line.msg, line.level, (line.req as { path: string }).path])).toEqual([
        ['request errored', 50, '/fail'],
        ['request aborted', 40, '/hang'],
      ]);
      expect(lines.every((line) => typeof line.requestId === 'string' && (line.requestId as string).length >= 8)).toBe(true);
    });
  });
});
