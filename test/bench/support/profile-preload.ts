/**
 * Preloaded into benchmark child processes when BENCH_CPU_PROF is set: `--cpu-prof` writes its
 * profile only on a normal exit, but NestJS re-raises SIGTERM after closing and the Temporal SDK
 * drains first — so exit at once on SIGTERM, which writes the profile.
 */
process.prependListener('SIGTERM', () => process.exit(0));
