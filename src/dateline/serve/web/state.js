// The page's state lives in the URL query string, so that any view can be shared as a link.

const LIST_KEYS = ["actor"];
const KEYS = ["actor", "type", "status", "since", "until", "q", "event", "doc", "view"];

export function readState() {
  const params = new URLSearchParams(window.location.search);
  const state = {};
  for (const key of KEYS) {
    if (LIST_KEYS.includes(key)) state[key] = params.getAll(key).filter(Boolean);
    else state[key] = params.get(key) || "";
  }
  return state;
}

export function writeState(state, { replace = false } = {}) {
  const params = new URLSearchParams();
  for (const key of KEYS) {
    const value = state[key];
    if (Array.isArray(value)) value.filter(Boolean).forEach((v) => params.append(key, v));
    else if (value) params.set(key, value);
  }
  const query = params.toString();
  const url = `${window.location.pathname}${query ? `?${query}` : ""}`;
  if (url === `${window.location.pathname}${window.location.search}`) return;
  if (replace) window.history.replaceState(null, "", url);
  else window.history.pushState(null, "", url);
}

/** The filter part of the state as API query parameters. */
export function filterParams(state) {
  const params = new URLSearchParams();
  state.actor.forEach((a) => params.append("actor", a));
  for (const key of ["type", "status", "since", "until", "q"]) {
    if (state[key]) params.set(key, state[key]);
  }
  return params;
}

export class ApiError extends Error {}

/** GET a JSON endpoint of this same origin; errors carry the API's one-line message. */
export async function getJson(path, params) {
  const url = params && params.toString() ? `${path}?${params}` : path;
  const response = await fetch(url, { headers: { Accept: "application/json" } });
  let body = null;
  try {
    body = await response.json();
  } catch {
    body = null;
  }
  if (!response.ok) {
    throw new ApiError((body && body.message) || `${response.status} ${response.statusText}`);
  }
  return body;
}
