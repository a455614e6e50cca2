#!/usr/bin/env node
// The `orderwatch` command. Sources are TypeScript; tsx compiles them on the fly so there is no build step.
import { register } from 'tsx/esm/api';

// The AWS SDK warns on Node.js 20 that its releases after January 2027 will need Node.js 22. The lockfile
// pins the SDK, so the warning concerns no version orderwatch runs, and it would fill the first screen a
// user sees; an explicit setting of the SDK's own switch is respected.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
register();
const { main } = await import('../functions/cli/main.ts');
process.exitCode = await main(process.argv.slice(2), {
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  cwd: process.cwd(),
});
