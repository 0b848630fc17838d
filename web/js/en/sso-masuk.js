// en/sso-masuk.js: the English words of sso-masuk.js (single sign-on on the sign-in page).
// Loaded by sso-masuk.js only when English is chosen; imports nothing (see teks.js).

export const GALAT = {
  sso: 'Sign-in with SSO failed: the sign-in token from the identity provider could not be verified. Try again; if it keeps failing, contact your agency\'s admin.',
  sso_kedaluwarsa: 'The SSO sign-in has expired, was already used, or was started in another browser. Please start again with the "Sign in with SSO" button.',
  sso_batal: 'Sign-in with SSO was cancelled at the identity provider. You are not signed in.',
  sso_tidak_terdaftar: 'Your SSO account is not linked to an active employee account in this agency (NIP not registered). Contact your agency\'s HR administrator.',
  sso_tidak_tersedia: 'Sign-in with SSO is not available right now (not configured, turned off, or the identity provider cannot be reached). Try again later or sign in with a password if allowed.',
  sso_terlalu_sering: 'Too many failed sign-in attempts from this address. Wait 5 minutes, then try again.',
};
export const TS = {
  lain: 'Sign-in with SSO failed. Please try again.',
  atau: 'or',
  masuk: 'Sign in with SSO',
  masukKe: (nama) => `Sign in with SSO — ${nama}`,
};
