import { GetObjectCommand, NoSuchKey, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
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
  private readonly client: S3Client;

  constructor(private readonly settings: S3StorageSettings) {
    this.client =
      settings.client ??
      new S3Client({ region: settings.region, ...(settings.endpoint ? { endpoint: settings.endpoint, forcePathStyle: true } : {}) });
  }

  static keyOf(tenantId: string, documentId: string): string {
    return `${tenantId}/${documentId}`;
  }

  async put(location: DocumentLocation, bytes: Buffer, mediaType: string): Promise<void> {
    await this.client.send(
      new PutObjectCommand({ Bucket: this.settings.bucket, Key: location.storageKey, Body: bytes, ContentType: mediaType, ServerSideEncryption: 'AES256' }),
    );
  }

  async get(location: DocumentLocation): Promise<Buffer | null> {
    try {
      const object = await this.client.send(new GetObjectCommand({ Bucket: this.settings.bucket, Key: location.storageKey }));
      if (!object.Body) return null;
      return Buffer.from(await object.Body.transformToByteArray());
    } catch (error) {
      if (error instanceof NoSuchKey) return null;
      throw error;
    }
  }
}
