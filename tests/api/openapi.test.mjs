// docs/openapi.yaml describes every route of the route table.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { routeTable, TOP } from './lib.mjs';

test('every route in src/api/routes.c is in docs/openapi.yaml with its method', () => {
  const doc = readFileSync(join(TOP, 'docs/openapi.yaml'), 'utf8');
  // collect "  /path:" keys under paths and the method keys beneath each
  const lines = doc.split('\n');
  const start = lines.findIndex((l) => /^paths:\s*$/.test(l));
  assert.ok(start >= 0, 'openapi.yaml has a paths: section');
  const ops = new Set();
  let current = null;
  for (let i = start + 1; i < lines.length; i++) {
    const l = lines[i];
    if (/^\S/.test(l)) break;  // next top-level key
    let m = l.match(/^  (?:'([^']+)'|"([^"]+)"|(\/[^:\s]*)):\s*$/);
    if (m) { current = m[1] || m[2] || m[3]; continue; }
    m = l.match(/^    (get|post|patch|put|delete):\s*$/);
    if (m && current) ops.add(`${m[1].toUpperCase()} ${current}`);
  }
  const missing = routeTable().map((r) => `${r.method} ${r.pattern}`).filter((k) => !ops.has(k));
  assert.deepEqual(missing, [], 'routes missing from docs/openapi.yaml');
  assert.ok(routeTable().length >= 30);
});
