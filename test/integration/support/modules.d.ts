// s3rver ships no types; only what the harness uses is declared (dynalite's: functions/local/modules.d.ts).

declare module 's3rver' {
  import type { AddressInfo } from 'node:net';

  interface S3rverOptions {
    readonly address?: string;
    readonly port?: number;
    readonly silent?: boolean;
    readonly directory: string;
    readonly resetOnClose?: boolean;
    readonly configureBuckets?: readonly { readonly name: string; readonly configs?: readonly string[] }[];
  }
  export default class S3rver {
    constructor(options: S3rverOptions);
    run(): Promise<AddressInfo>;
    close(): Promise<void>;
  }
}
