import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync, mkdirSync, unlinkSync, readdirSync, statSync } from 'node:fs';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';

export interface ObjectStoreRequest {
  method: string;
  bucket: string;
  key: string;
}

/**
 * An S3-compatible object store for end-to-end tests, on 127.0.0.1: path-style PutObject, GetObject
 * and DeleteObject, each object a real file under a temporary directory (`<bucket>/<key>`), every
 * request recorded. The application reaches it through its real S3 storage and the real AWS SDK
 * (endpoint, path style, signed requests), as it would reach MinIO or S3 itself; the signature is not
 * checked. Objects deleted are files gone from the disk.
 */
export class TestObjectStore {
  readonly requests: ObjectStoreRequest[] = [];
  readonly directory = mkdtempSync(join(tmpdir(), 'chancery-objects-'));
  private server?: Server;
  base = '';

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const [bucket = '', ...rest] = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname).replace(/^\//, '').split('/');
        const key = rest.join('/');
        const method = req.method ?? 'GET';
        this.requests.push({ method, bucket, key });
        const file = join(this.directory, bucket, key);
        if (!bucket || !key || relative(this.directory, file).startsWith('..')) {
          res.statusCode = 400;
          res.end();
          return;
        }
        if (method === 'PUT') {
          mkdirSync(dirname(file), { recursive: true });
          writeFileSync(file, Buffer.concat(chunks));
          res.statusCode = 200;
          res.setHeader('etag', '"test"');
          res.end();
        } else if (method === 'GET' || method === 'HEAD') {
          if (!existsSync(file)) {
            res.statusCode = 404;
            res.setHeader('content-type', 'application/xml');
            res.end(method === 'GET' ? `<?xml version="1.0" encoding="UTF-8"?><Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message><Key>${key}</Key></Error>` : undefined);
            return;
          }
          const bytes = readFileSync(file);
          res.statusCode = 200;
          res.setHeader('content-type', 'application/octet-stream');
          res.setHeader('content-length', bytes.length);
          res.end(method === 'GET' ? bytes : undefined);
        } else if (method === 'DELETE') {
          if (existsSync(file)) unlinkSync(file);
          res.statusCode = 204;
          res.end();
        } else {
          res.statusCode = 405;
          res.end();
        }
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.base = `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}`;
  }

  /** The keys of the files in a bucket now (`<tenant>/<document>`). */
  keys(bucket: string): string[] {
    const root = join(this.directory, bucket);
    if (!existsSync(root)) return [];
    const walk = (dir: string): string[] => readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? walk(path) : [relative(root, path)];
    });
    return walk(root).sort();
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
    rmSync(this.directory, { recursive: true, force: true });
  }
}
