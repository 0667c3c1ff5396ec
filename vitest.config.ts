import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/build-dist.ts'],
    testTimeout: 60_000,
    // Tests pin the time zone so nothing depends on the machine's local time.
    env: { TZ: 'Pacific/Chatham' },
  },
});
