/** A copy of `a` in an array of the same type with room for `size` elements (the rest zero). */
export function withRoom<T extends Int32Array | Float64Array>(a: T, size: number): T {
  const b = new (a.constructor as new (n: number) => T)(size);
  b.set(a);
  return b;
}
