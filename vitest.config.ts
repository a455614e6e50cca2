import { defineConfig } from 'vitest/config';
import { SummaryLine } from './test/support/summary-line';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The 2-core CI machine: property tests and CDK synth are CPU-bound, so keep workers to the cores.
    maxWorkers: 2,
    testTimeout: 60_000,
    reporters: ['default', new SummaryLine()],
  },
});
