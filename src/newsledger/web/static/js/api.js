// Reads the API. Errors come back in one shape: {"ok": false, "error": {"code", "message"}, "status"}.

export class ApiError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

export async function get(path, params = {}) {
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== "" && v !== null && v !== undefined) query.set(k, v);
  const url = path + (query.toString() ? "?" + query : "");
  const response = await fetch(url, { headers: { Accept: "application/json" } });
  let body = null;
  try {
    body = await response.json();
  } catch (_) {
    throw new ApiError(response.status, "bad_response", `unreadable answer from ${path}`);
  }
  if (!response.ok) {
    const error = (body && body.error) || {};
    throw new ApiError(response.status, error.code || "error", error.message || response.statusText);
  }
  return body;
}

let facetsCache = null;
export function facets() {
  if (!facetsCache) facetsCache = get("/api/facets").catch((err) => { facetsCache = null; throw err; });
  return facetsCache;
}
