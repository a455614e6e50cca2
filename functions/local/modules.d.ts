// dynalite ships no types; only what local mode and the test harness use is declared.

declare module 'dynalite' {
  import type { Server } from 'node:http';

  interface DynaliteOptions {
    readonly path?: string;
    readonly createTableMs?: number;
    readonly deleteTableMs?: number;
    readonly updateTableMs?: number;
  }
  export default function dynalite(options?: DynaliteOptions): Server;
}
