// api.js: fetch wrapper for the kinerja API (session cookie + CSRF token, problem+json errors).
let csrf = '';
let onSignedOut = null;

export function setCsrf(token) { csrf = token || ''; }

/** Called (once per answer) when the API says the session is gone (401 outside sign-in). */
export function whenSignedOut(fn) { onSignedOut = fn; }

/** Calls the API; resolves to the JSON body or throws an Error with the Indonesian detail. */
export async function api(method, path, body) {
  const headers = {};
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrf) headers['x-csrf-token'] = csrf;
  let res;
  try {
    res = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), credentials: 'same-origin' });
  } catch {
    const err = new Error('Tidak dapat menghubungi server. Periksa koneksi internet lalu coba lagi.');
    err.status = 0;
    throw err;
  }
  if (res.status === 204) return null;
  const data = await res.json().catch(() => null);
  if (!res.ok) {
    const err = new Error((data && data.detail) || `Terjadi kesalahan (${res.status}).`);
    err.status = res.status;
    err.problem = data;
    if (res.status === 401 && !path.startsWith('/api/v1/auth/') && onSignedOut) onSignedOut();
    throw err;
  }
  return data;
}
