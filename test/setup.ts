// Loaded by mocha before any test (.mocharc.yml `require`). Tests that play an outside AWS client
// build SDK clients directly; the SDK's notice about its own future Node 22 requirement would
// otherwise interleave with the results (src/aws/clients.ts silences it the same way for the CLI).
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

// The CLI tests run bin/trailsight.js, which runs the compiled CLI (dist/): compile it from the
// sources under test first, so they never test a stale build.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

execFileSync(process.execPath, [fileURLToPath(new URL('../scripts/build.mjs', import.meta.url))], { stdio: 'inherit' });
