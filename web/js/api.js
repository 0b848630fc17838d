// api.js: fetch wrapper for the kinerja API (session cookie + CSRF token, problem+json errors).
import { T } from './teks.js';

let csrf = '';
let onSignedOut = null;

export function setCsrf(token) { csrf = token || ''; }
export function hasCsrf() { return csrf !== ''; }

/** Called (once per answer) when the API says the session is gone (401 outside sign-in). */
export function whenSignedOut(fn) { onSignedOut = fn; }

/**
 * Calls the API; resolves to the JSON body or throws an Error with the Indonesian detail
 * (err.status: the HTTP status, 0 when the server could not be reached; err.problem: the body).
 * opts.headers: extra headers (Idempotency-Key); opts.raw: the body as an exact JSON string
 * (a retry must send the same bytes); opts.meta: resolve to {data, status, replayed}.
 */
export async function api(method, path, body, opts = {}) {
  const headers = { ...(opts.headers || {}) };
  const payload = typeof opts.raw === 'string' ? opts.raw : body === undefined ? undefined : JSON.stringify(body);
  if (payload !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrf) headers['x-csrf-token'] = csrf;
  let res;
  try {
    res = await fetch(path, { method, headers, body: payload, credentials: 'same-origin' });
  } catch {
    const err = new Error(T.galatJaringan);
    err.status = 0;
    throw err;
  }
  const data = res.status === 204 ? null : await res.json().catch(() => null);
  if (!res.ok) {
    const err = new Error((data && data.detail) || `Terjadi kesalahan (${res.status}).`);
    err.status = res.status;
    err.problem = data;
    if (res.status === 401 && !path.startsWith('/api/v1/auth/') && onSignedOut) onSignedOut();
    throw err;
  }
  if (opts.meta) return { data, status: res.status, replayed: res.headers.get('idempotent-replayed') === 'true' };
  return data;
}

/**
 * Sends `blob` as the raw body of a POST (an evidence upload) with the CSRF header, through
 * XMLHttpRequest so that `onProgress(sent, total)` can follow the upload.  Resolves and throws
 * like api().
 */
export function unggah(path, blob, onProgress) {
  return new Promise((resolve, reject) => {
    const x = new XMLHttpRequest();
    x.open('POST', path);
    x.withCredentials = true;
    x.setRequestHeader('content-type', 'application/octet-stream');
    if (csrf) x.setRequestHeader('x-csrf-token', csrf);
    if (onProgress) x.upload.addEventListener('progress', (e) => onProgress(e.loaded, e.lengthComputable ? e.total : blob.size));
    x.addEventListener('error', () => {
      const err = new Error(T.galatJaringan);
      err.status = 0;
      reject(err);
    });
    x.addEventListener('load', () => {
      let data = null;
      try { data = x.responseText ? JSON.parse(x.responseText) : null; } catch { data = null; }
      if (x.status >= 200 && x.status < 300) { resolve(data); return; }
      const err = new Error((data && data.detail) || `Terjadi kesalahan (${x.status}).`);
      err.status = x.status;
      err.problem = data;
      if (x.status === 401 && onSignedOut) onSignedOut();
      reject(err);
    });
    x.send(blob);
  });
}
