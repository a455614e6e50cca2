/**
 * Raw mail where the SES receipt rule stored it: `s3://<bucket>/<prefix><SES message id>`.
 * The caller creates the client (once per process); for s3rver it passes `s3ClientOptions` from below.
 */
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  type S3Client,
  type S3ClientConfig,
} from '@aws-sdk/client-s3';
import { RawMailNotFoundError, type RawMailSource } from '../ports';

export interface S3MailSourceOptions {
  readonly bucket: string;
  /** Key prefix of the receipt rule's S3 action, e.g. `incoming/`; may be empty. */
  readonly prefix: string;
}

/**
 * Client settings for an S3 emulator (s3rver) at `endpoint`: path-style addressing, and checksums only
 * where S3 requires them (s3rver knows none of the newer flexible checksums).
 */
export function emulatorS3ClientConfig(endpoint: string): S3ClientConfig {
  return {
    endpoint,
    region: 'us-east-1',
    forcePathStyle: true,
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
  };
}

function isNotFound(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  if (error.name === 'NoSuchKey' || error.name === 'NotFound') return true;
  const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
  return status === 404;
}

export class S3MailSource implements RawMailSource {
  constructor(
    private readonly client: S3Client,
    private readonly options: S3MailSourceOptions,
  ) {}

  /** The object key of a mail: what the receipt rule wrote, what the mail record keeps. */
  keyOf(messageId: string): string {
    return `${this.options.prefix}${messageId}`;
  }

  async get(messageId: string): Promise<Uint8Array> {
    try {
      const out = await this.client.send(
        new GetObjectCommand({ Bucket: this.options.bucket, Key: this.keyOf(messageId) }),
      );
      if (!out.Body) throw new RawMailNotFoundError(messageId);
      return await out.Body.transformToByteArray();
    } catch (error) {
      if (isNotFound(error)) throw new RawMailNotFoundError(messageId);
      throw error;
    }
  }

  async size(messageId: string): Promise<number> {
    try {
      const out = await this.client.send(
        new HeadObjectCommand({ Bucket: this.options.bucket, Key: this.keyOf(messageId) }),
      );
      return out.ContentLength ?? 0;
    } catch (error) {
      if (isNotFound(error)) throw new RawMailNotFoundError(messageId);
      throw error;
    }
  }

  async delete(messageId: string): Promise<void> {
    // S3 answers 204 for a key that is not there: deleting twice is fine.
    await this.client.send(
      new DeleteObjectCommand({ Bucket: this.options.bucket, Key: this.keyOf(messageId) }),
    );
  }
}
