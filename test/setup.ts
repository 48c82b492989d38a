// Loaded by mocha before any test (.mocharc.json `require`). Tests that play an outside AWS client
// build SDK clients directly; the SDK's notice about its own future Node 22 requirement would
// otherwise interleave with the results (src/aws/clients.ts silences it the same way for the CLI).
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
