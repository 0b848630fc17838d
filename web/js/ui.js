// ui.js: building DOM safely (text only, never innerHTML), status badges, alerts and the
// display of API problems (field errors next to their inputs, other errors in an alert).
import { STATUS, STATUS_LAIN, FIELD, T } from './teks.js';

/**
 * el('p', {class: 'x', text: 'hi', on: {click: fn}, hidden: true, 'aria-label': '…'}, child, …)
 * Children may be nodes, strings (as text), arrays, or null/false (skipped).
 */
export function el(tag, props, ...kids) {
  const n = document.createElement(tag);
  for (const [k, v] of Object.entries(props || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'class') n.className = v;
    else if (k === 'text') n.textContent = v;
    else if (k === 'on') for (const [ev, fn] of Object.entries(v)) n.addEventListener(ev, fn);
    else if (k === 'dataset') Object.assign(n.dataset, v);
    else if (k in n && typeof v !== 'string') n[k] = v;
    else if (k === 'value' || k === 'checked' || k === 'hidden' || k === 'disabled') n[k] = v;
    else n.setAttribute(k, v === true ? '' : v);
  }
  add(n, kids);
  return n;
}

/** Appends to `n` with the child rules of el() (arrays flattened, null skipped). */
export function put(n, ...kids) {
  add(n, kids);
  return n;
}

/** Replaces the children of `n` (same child rules as el()). */
export function fill(n, ...kids) {
  n.replaceChildren();
  add(n, kids);
  return n;
}

function add(n, kids) {
  for (const k of kids) {
    if (k === null || k === undefined || k === false) continue;
    if (Array.isArray(k)) add(n, k);
    else n.append(k instanceof Node ? k : document.createTextNode(String(k)));
  }
}

let uid = 0;
/** A fresh element id (for label/for and aria-describedby). */
export function nextId(prefix = 'f') { uid += 1; return `${prefix}-${uid}`; }

/** The coloured status badge: text first, colour only as a second cue (`label` overrides the word). */
export function badge(status, extraClass = '', label = '') {
  return el('span', { class: `lencana lencana-${status} ${extraClass}`.trim() }, label || STATUS[status] || STATUS_LAIN[status] || status);
}

/** A label + control pair; returns [label, control] with ids wired. */
export function labelled(text, control, hint) {
  const id = control.id || nextId();
  control.id = id;
  const parts = [el('label', { for: id }, text)];
  if (hint) {
    const hid = nextId('ket');
    parts.push(el('p', { class: 'ket', id: hid }, hint));
    control.setAttribute('aria-describedby', hid);
  }
  parts.push(control);
  return parts;
}

/** A container for messages: role="alert" is announced as soon as it gets text. */
export function alertBox() {
  return el('div', { class: 'peringatan', role: 'alert', hidden: true });
}

export function showAlert(box, message, items) {
  box.replaceChildren();
  if (!message) { box.hidden = true; return; }
  box.append(el('p', {}, message));
  if (items && items.length) box.append(el('ul', {}, items.map((t) => el('li', {}, t))));
  box.hidden = false;
}

/** Removes the field errors shown in `scope`. */
export function clearErrors(scope) {
  scope.querySelectorAll('.galat').forEach((g) => g.remove());
  scope.querySelectorAll('[aria-invalid]').forEach((f) => {
    f.removeAttribute('aria-invalid');
    const ids = (f.getAttribute('aria-describedby') || '').split(' ').filter((x) => x && !x.startsWith('galat-'));
    if (ids.length) f.setAttribute('aria-describedby', ids.join(' ')); else f.removeAttribute('aria-describedby');
  });
}

function byField(scope, field, attr) {
  // exact field, then its parents: "rhk[12].iki" → "rhk[12]"; "iki[0].target_angka" stays exact
  let f = field;
  for (;;) {
    const hit = scope.querySelector(`[${attr}="${CSS.escape(f)}"]`);
    if (hit) return hit;
    const cut = Math.max(f.lastIndexOf('.'), f.lastIndexOf('['));
    if (cut <= 0) return null;
    f = f.slice(0, cut);
  }
}

function fieldLabel(target, field) {
  if (target) {
    if (target.dataset.label) return target.dataset.label;
    if (target.getAttribute('aria-label')) return target.getAttribute('aria-label');
    const lab = target.labels && target.labels[0];
    const legend = target.closest('fieldset[data-legend]');
    const base = lab ? lab.textContent : '';
    if (legend && base) return `${legend.dataset.legend} — ${base}`;
    if (base) return base;
  }
  const root = field.replace(/\[.*$/, '').replace(/\..*$/, '');
  return FIELD[root] || field;
}

/**
 * Shows an API error.  422 problems with errors[]: each message next to the element of
 * `scope` whose data-field (or `attr`) matches, plus a summary in `box`; other errors: their
 * detail in `box`.
 */
export function showProblem(box, err, scope, attr = 'data-field') {
  announce('');   // no success message next to an error
  if (scope) clearErrors(scope);
  const errors = err && err.problem && Array.isArray(err.problem.errors) ? err.problem.errors : null;
  if (!errors || !errors.length || err.status !== 422) {
    showAlert(box, err && err.message ? err.message : String(err));
    return;
  }
  const summary = [];
  let first = null;
  for (const e of errors) {
    const target = scope ? byField(scope, e.field, attr) : null;
    const label = fieldLabel(target, e.field);
    summary.push(`${label}: ${e.message}`);
    if (!target) continue;
    const g = el('p', { class: 'galat', id: nextId('galat') }, e.message);
    if (/^(INPUT|SELECT|TEXTAREA)$/.test(target.tagName)) {
      target.setAttribute('aria-invalid', 'true');
      const ids = (target.getAttribute('aria-describedby') || '').split(' ').filter(Boolean);
      target.setAttribute('aria-describedby', [...ids, g.id].join(' '));
      target.insertAdjacentElement('afterend', g);
      if (!first) first = target;
    } else {
      target.append(g);
    }
  }
  showAlert(box, T.periksa, summary);
  if (first) first.focus();
}

/** Rewrites the query of the current hash route without re-rendering it (filters, toggles). */
export function setQuery(params) {
  const path = location.hash.replace(/^#/, '').split('?')[0] || '/';
  const q = new URLSearchParams(params).toString();
  history.replaceState(null, '', `#${path}${q ? '?' + q : ''}`);
}

/** Admin or pimpinan of an instansi (the SKP status report). */
export function isAdminOrPimpinan(me) {
  return me.pengguna.peran.some((p) => p === 'admin' || p === 'pimpinan');
}

let kabarTimer;
/** Says `msg` through the page's polite live region; it stays on screen for a few seconds. */
export function announce(msg) {
  const k = document.getElementById('kabar');
  if (!k) return;
  clearTimeout(kabarTimer);
  k.textContent = '';
  k.hidden = !msg;
  if (!msg) return;
  // set after a tick so the same message is announced again
  kabarTimer = setTimeout(() => {
    k.textContent = msg;
    kabarTimer = setTimeout(() => { k.hidden = true; k.textContent = ''; }, 8000);
  }, 30);
}

/** Disables the buttons of `scope` while `fn` runs (no double submits on slow phones). */
export async function busy(scope, fn) {
  const btns = [...scope.querySelectorAll('button')].filter((b) => !b.disabled);
  btns.forEach((b) => { b.disabled = true; });
  try { return await fn(); } finally { btns.forEach((b) => { b.disabled = false; }); }
}

/**
 * A fieldset of radio buttons, one per [value, label] of `options`, the one equal to `value`
 * checked.  `field` (data-field) receives the API's error; `disabled` locks the whole group.
 * The fieldset's nilai() gives the checked value ('' when none).
 */
export function radioGroup({ legend, options, value = '', field, disabled = false, hint, cls = '' }) {
  const name = nextId('pilih');
  const fs = el('fieldset', { class: `pilihan ${cls}`.trim(), 'data-field': field, disabled });
  fs.append(el('legend', {}, legend));
  if (hint) {
    const hid = nextId('ket');
    fs.append(el('p', { class: 'ket', id: hid }, hint));
    fs.setAttribute('aria-describedby', hid);
  }
  for (const [v, t] of options) {
    const id = nextId('r');
    fs.append(el('div', { class: 'pilih' }, el('input', { type: 'radio', id, name, value: v, checked: v === value }), el('label', { for: id }, t)));
  }
  fs.nilai = () => { const c = fs.querySelector('input:checked'); return c ? c.value : ''; };
  return fs;
}

/** A 422-like error made on the device (same display as the server's field errors). */
export function galatLokal(field, message) {
  const err = new Error(message);
  err.status = 422;
  err.problem = { errors: [{ field, message }] };
  return err;
}
