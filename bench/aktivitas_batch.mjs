// aktivitas_batch.mjs: batch import of activities through `POST /api/v1/aktivitas:batch`
// (scenario g, bench/README.md).  Sends REQUESTS requests of ITEMS activities each (1 minute,
// all on one date), request k as pegawai k mod T (their bearer token) on date floor(k / T), so
// every (pegawai, day) gets one request and stays under the daily minute limit.  CONCURRENCY
// requests are in flight at a time.  Node 20 (global fetch), no dependencies.
//
//   node bench/aktivitas_batch.mjs --url http://127.0.0.1:PORT --tokens FILE --dates D1,D2,...
//        [--requests 1000] [--items 1000] [--concurrency 2] [--timeout 120] [--budget SECONDS]
//
// --budget: send no new request after that many seconds (the caller extrapolates; "budget_hit"
// says it happened).  --timeout: seconds one request may take.
// Prints one JSON line: {"requests","items","seconds","items_per_s","ok","budget_hit","p50_ms",
// "max_ms","error"} (requests and items: answered 201 with "jumlah" = ITEMS).  "error" (status
// and the first 500 characters of the body) is set when a request was answered otherwise, and
// the run then stops with exit status 1.
import { readFileSync } from "node:fs";

function arg(name, def) {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0) {
    if (def === undefined) throw new Error(`--${name} is required`);
    return def;
  }
  return process.argv[i + 1];
}

function count(name, def, max) {
  const v = Number(arg(name, String(def)));
  if (!Number.isInteger(v) || v < 1 || v > max) throw new Error(`--${name} must be 1-${max}`);
  return v;
}

const url = arg("url").replace(/\/+$/, "") + "/api/v1/aktivitas:batch";
const tokens = readFileSync(arg("tokens"), "utf8").split("\n").filter((t) => t.length > 0);
const dates = arg("dates").split(",").filter((d) => /^\d{4}-\d{2}-\d{2}$/.test(d));
const requests = count("requests", 1000, 1000000);
const items = count("items", 1000, 1000);
const concurrency = count("concurrency", 2, 64);
const timeoutMs = count("timeout", 120, 3600) * 1000;
const budgetMs = count("budget", 86400, 86400) * 1000;
if (tokens.length === 0 || dates.length === 0) throw new Error("need tokens and dates");
if (requests > tokens.length * dates.length) {
  throw new Error(`${requests} requests need ${requests} (pegawai, date) pairs; have ${tokens.length * dates.length}`);
}

function body(k) {
  const tanggal = dates[Math.floor(k / tokens.length)];
  const one = JSON.stringify({ tanggal, menit: 1, uraian: `Entri data arsip (bench) ${k}` });
  return `{"items":[${new Array(items).fill(one).join(",")}]}`;
}

const times = [];
let next = 0;
let ok = 0;
let error = null;
let budgetHit = false;
const start = performance.now();

async function sender() {
  while (error === null && next < requests) {
    if (performance.now() - start > budgetMs) { budgetHit = true; break; }
    const k = next++;
    const payload = body(k);
    const t0 = performance.now();
    let status = 0;
    let text = "";
    try {
      const r = await fetch(url, {
        method: "POST",
        headers: { authorization: `Bearer ${tokens[k % tokens.length]}`, "content-type": "application/json" },
        body: payload,
        signal: AbortSignal.timeout(timeoutMs),
      });
      status = r.status;
      text = await r.text();
    } catch (e) {
      text = `${e.name}: ${e.message}`;
    }
    times.push(performance.now() - t0);
    let jumlah = -1;
    try { jumlah = JSON.parse(text).jumlah; } catch { /* reported below */ }
    if (status === 201 && jumlah === items) ok++;
    else if (error === null) error = `request ${k}: HTTP ${status}: ${text.slice(0, 500)}`;
  }
}

await Promise.all(Array.from({ length: concurrency }, sender));
const seconds = (performance.now() - start) / 1000;
times.sort((a, b) => a - b);
const ms = (q) => (times.length ? Number(times[Math.min(times.length - 1, Math.floor(q * times.length))].toFixed(1)) : null);
console.log(JSON.stringify({
  requests: ok, items: ok * items, seconds: Number(seconds.toFixed(3)),
  items_per_s: Math.round((ok * items) / seconds), ok: error === null, budget_hit: budgetHit,
  p50_ms: ms(0.5), max_ms: times.length ? Number(times[times.length - 1].toFixed(1)) : null, error,
}));
process.exit(error === null ? 0 : 1);
