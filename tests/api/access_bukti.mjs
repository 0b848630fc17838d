// Access scenarios of the bukti dukung routes (issue 5), merged into access.test.mjs.
// setup(srv, T, ctx) prepares data in ctx; scenarios(h) returns entries keyed "METHOD /pattern"
// in the same shape as the table in access.test.mjs.
export async function setup(srv, T, ctx) { /* filled in with the bukti routes */ }
export function scenarios(h) { return {}; }
