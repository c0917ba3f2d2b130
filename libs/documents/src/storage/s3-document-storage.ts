import type { S3Client } from '@aws-sdk/client-s3';
import { DocumentLocation, DocumentStorage } from './document-storage';

export interface S3StorageSettings {
  bucket: string;
  region: string;
  /** An S3-compatible endpoint (MinIO, Ceph, Scaleway…); empty: AWS. */
  endpoint?: string;
  client?: S3Client;
}

/**
 * For production: an S3-compatible bucket. Objects are keyed `<tenant>/<document id>`; the record in
 * PostgreSQL (and its row-level security) still decides who may read them, the bucket is never public.
 */
export class S3DocumentStorage implements DocumentStorage {
  readonly name = 's3' as const;
  private client?: S3Client;

  constructor(private readonly settings: S3StorageSettings) {
    this.client = settings.client;
  }

  /** The SDK is large (about 20 MiB resident): loaded at the first document stored or read, not with every process. */
  private async sdk(): Promise<{ s3: typeof import('@aws-sdk/client-s3'); client: S3Client }> {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded at first use (a CommonJS build keeps import() native)
    const s3 = require('@aws-sdk/client-s3') as typeof import('@aws-sdk/client-s3');
    const { region, endpoint } = this.settings;
    this.client ??= new s3.S3Client({ region, ...(endpoint ? { endpoint, forcePathStyle: true } : {}) });
    return { s3, client: this.client };
  }

  static keyOf(tenantId: string, documentId: string): string {
    return `${tenantId}/${documentId}`;
  }

  async put(location: DocumentLocation, bytes: Buffer, mediaType: string): Promise<void> {
    const { s3, client } = await this.sdk();
    await client.send(
      new s3.PutObjectCommand({ Bucket: this.settings.bucket, Key: location.storageKey, Body: bytes, ContentType: mediaType, ServerSideEncryption: 'AES256' }),
    );
  }

  async deleteExternal(location: DocumentLocation): Promise<void> {
    const { s3, client } = await this.sdk();
    await client.send(new s3.DeleteObjectCommand({ Bucket: this.settings.bucket, Key: location.storageKey }));
  }

  async get(location: DocumentLocation): Promise<Buffer | null> {
    const { s3, client } = await this.sdk();
    try {
      const object = await client.send(new s3.GetObjectCommand({ Bucket: this.settings.bucket, Key: location.storageKey }));
      if (!object.Body) return null;
      return Buffer.from(await object.Body.transformToByteArray());
    } catch (error) {
      if (error instanceof s3.NoSuchKey) return null;
      throw error;
    }
  }
}
