/**
 * `orderwatch local` as a child process, exactly as a user starts it (`node bin/orderwatch.mjs local`),
 * on free ports read back from its startup output, with its output kept for failure messages.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../../..');

export interface LocalProcess {
  readonly smtpPort: number;
  readonly httpPort: number;
  readonly base: string;
  output(): string;
  /** SIGTERM, then the exit code (SIGKILL after 10 s: a hang is a failure the exit code shows). */
  stop(): Promise<number | null>;
  get<T>(path: string): Promise<T>;
  tick(now: string): Promise<{ now: string; mails: number; errors: number }>;
}

export async function startLocalProcess(
  dataDir: string,
  extra: readonly string[] = [],
): Promise<LocalProcess> {
  const args = [
    'bin/orderwatch.mjs',
    'local',
    '--data',
    dataDir,
    '--smtp-port',
    '0',
    '--http-port',
    '0',
    '--clock',
    'manual',
    ...extra,
  ];
  const child: ChildProcess = spawn(process.execPath, args, {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NODE_NO_WARNINGS: '1' },
  });
  let out = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    out += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    out += chunk.toString();
  });
  const kill = () => child.kill('SIGKILL');
  process.once('exit', kill);

  const ports = await new Promise<{ smtp: number; http: number }>((ok, fail) => {
    const timer = setTimeout(
      () => fail(new Error(`orderwatch local did not start in 30 s:\n${out}`)),
      30_000,
    );
    const check = () => {
      const smtp = /smtp:\/\/127\.0\.0\.1:(\d+)/.exec(out)?.[1];
      const http = /http:\/\/127\.0\.0\.1:(\d+)\//.exec(out)?.[1];
      if (smtp && http && out.includes('Ctrl-C')) {
        clearTimeout(timer);
        ok({ smtp: Number(smtp), http: Number(http) });
      }
    };
    child.stdout?.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`orderwatch local exited (${code}) before it was ready:\n${out}`));
    });
  });
  const base = `http://127.0.0.1:${ports.http}`;
  return {
    smtpPort: ports.smtp,
    httpPort: ports.http,
    base,
    output: () => out,
    async stop() {
      process.off('exit', kill);
      if (child.exitCode !== null) return child.exitCode;
      const exited = new Promise<number | null>((ok) => child.once('exit', (code) => ok(code)));
      child.kill('SIGTERM');
      const timer = setTimeout(kill, 10_000);
      const code = await exited;
      clearTimeout(timer);
      return code;
    },
    async get<T>(path: string) {
      const res = await fetch(`${base}${path}`);
      if (!res.ok) throw new Error(`GET ${path}: ${res.status} ${await res.text()}`);
      return (await res.json()) as T;
    },
    async tick(now: string) {
      const res = await fetch(`${base}/api/tick`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ now }),
      });
      if (!res.ok) throw new Error(`tick ${now}: ${res.status} ${await res.text()}`);
      return (await res.json()) as { now: string; mails: number; errors: number };
    },
  };
}
