// Calls to the ECHO API: JSON in and out, the API key when one is stored, and readable errors.
import { requestKey, storedKey } from "./auth.js";

/**
 * The API lives one level above the page (/web/ -> /), so the page also works behind a path prefix;
 * on a Hugging Face Space that is the host's root.
 */
const API_BASE = new URL("../", document.baseURI);

export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

/** What went wrong, from an ECHO error body ({detail: string} or FastAPI-style {detail: [{msg}]}). */
function messageOf(status, body) {
  const detail = body?.detail;
  if (typeof detail === "string") return detail;
  if (Array.isArray(detail)) return detail.map((d) => d?.msg ?? String(d)).join("; ");
  return `the server answered ${status}`;
}

/** The URL of an API path such as "/metrics?window=10". */
export function apiUrl(path) {
  return new URL(path.replace(/^\/+/, ""), API_BASE);
}

/**
 * Fetches an API path and returns the parsed JSON; throws ApiError for error replies. On 401 it asks for
 * the API key and tries again; `ask` marks a user action, which asks even after the dialog was dismissed.
 */
export async function api(path, { method = "GET", body, ask = false } = {}) {
  for (let attempt = 0; ; attempt++) {
    const key = storedKey();
    const headers = { accept: "application/json" };
    if (key) headers.authorization = `Bearer ${key}`;
    if (body !== undefined) headers["content-type"] = "application/json";
    const response = await fetch(apiUrl(path), {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (response.status === 401 && attempt < 5) {
      await requestKey(
        key
          ? "The server did not accept that key. Enter a valid API key."
          : "This server needs an API key (ECHO_API_KEY) for this.",
        { ask },
      );
      continue;
    }
    const data = await response.json().catch(() => null);
    if (!response.ok) throw new ApiError(response.status, messageOf(response.status, data));
    return data;
  }
}
