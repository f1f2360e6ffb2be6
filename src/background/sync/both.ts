/**
 * Two port calls at once, like Promise.all, but settled both before the first failure is thrown:
 * a run that fails never leaves a call of its own running behind it, to finish (or fail into a
 * shared cache) while the next run is under way.
 */
export async function both<A, B>(a: Promise<A>, b: Promise<B>): Promise<[A, B]> {
  const [first, second] = await Promise.allSettled([a, b]);
  if (first.status === 'rejected') throw first.reason;
  if (second.status === 'rejected') throw second.reason;
  return [first.value, second.value];
}
