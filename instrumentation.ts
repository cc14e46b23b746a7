/** Runs once when the server starts: a bad configuration stops it with one line naming what to set. */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { startServer } = await import('@/lib/startup');
  await startServer();
}
