/**
 * A typed array kept from one call to the next (a thread reads one sheet at a time, and each pass is done with its
 * array before the next call): a sheet's passes then allocate nothing. `zeroed`: cleared on each call; requests over
 * `most` elements (a big photo) get an array of their own.
 */
export const scratch = <T extends Uint8Array | Int8Array | Uint16Array | Int32Array | Float32Array | Float64Array>(
  make: (n: number) => T, zeroed: boolean, most = Number.POSITIVE_INFINITY,
): ((n: number) => T) => {
  let kept = make(0);
  return (n) => {
    if (n > most) return make(n);
    if (kept.length < n) kept = make(n);
    else if (zeroed) kept.fill(0, 0, n);
    return kept.subarray(0, n) as T;
  };
};
