/** A promise the test settles when it wants: to hold an answer in flight while something else happens. */
export function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}
