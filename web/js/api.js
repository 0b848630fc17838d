// api.js: fetch wrapper for the kinerja API (session cookie + CSRF token, problem+json errors).
let csrf = '';

export function setCsrf(token) { csrf = token || ''; }

/** Calls the API; resolves to the JSON body or throws an Error with the Indonesian detail. */
export async function api(method, path, body) {
  const headers = {};
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrf) headers['x-csrf-token'] = csrf;
  const res = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), credentials: 'same-origin' });
  if (res.status === 204) return null;
  const data = await res.json().catch(() => null);
  if (!res.ok) {
    const err = new Error((data && data.detail) || `Terjadi kesalahan (${res.status}).`);
    err.status = res.status;
    err.problem = data;
    throw err;
  }
  return data;
}
