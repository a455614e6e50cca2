/** Describes the machine a benchmark ran on, so pasted numbers say where they came from. */
import { cpus, platform, release, totalmem } from 'node:os';

export interface Machine {
  readonly os: string;
  readonly cpu: string;
  readonly cores: number;
  readonly memory: string;
  readonly node: string;
}

export function machine(): Machine {
  const list = cpus();
  return {
    os: `${platform()} ${release()}`,
    cpu: list[0]?.model.trim() ?? 'unknown',
    cores: list.length,
    memory: `${(totalmem() / 1024 ** 3).toFixed(1)} GB`,
    node: process.version,
  };
}
