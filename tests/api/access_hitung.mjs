// Access scenarios of the calculator routes (issue 6), merged into access.test.mjs.
export async function setup(srv, T, ctx) { /* filled in with the hitung routes */ }
export function scenarios(h) { return {}; }
