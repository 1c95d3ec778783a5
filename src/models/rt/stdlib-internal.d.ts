// Boost's igamma_temme_large as ported by stdlib (pinned: @stdlib/math-base-special-gammainc 0.3.1).
// Returns P(a, x) when x < a, Q(a, x) otherwise. See gamma.ts for why it is called directly.
declare module '@stdlib/math-base-special-gammainc/lib/igamma_temme_large.js' {
  const igammaTemmeLarge: (a: number, x: number) => number;
  export default igammaTemmeLarge;
}
