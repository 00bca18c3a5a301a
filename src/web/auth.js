// The API key: asked for in a dialog when the server answers 401, kept in sessionStorage for this tab only.
import { byId } from "./dom.js";

const STORAGE_KEY = "echo-api-key";
let pending = null;
// Once the dialog is dismissed, background polls stop asking; only a user action opens it again.
let declined = false;

export function storedKey() {
  try {
    return sessionStorage.getItem(STORAGE_KEY) || null;
  } catch {
    return null; // storage blocked (private mode, sandboxed iframe): ask every time
  }
}

function store(key) {
  try {
    if (key) sessionStorage.setItem(STORAGE_KEY, key);
    else sessionStorage.removeItem(STORAGE_KEY);
  } catch {
    // see storedKey
  }
  byId("forget-key").hidden = !key;
}

export function forgetKey() {
  store(null);
}

function setDeclined(value) {
  declined = value;
  byId("enter-key").hidden = !value;
}

/**
 * Shows the key dialog and resolves once a key is entered; concurrent callers share one dialog.
 * Rejects when the user dismisses it, and at once after a dismissal unless `ask` (a user action) is set.
 */
export function requestKey(reason, { ask = false } = {}) {
  if (pending) return pending;
  if (declined && !ask) {
    return Promise.reject(new Error("this server needs an API key: use “Enter API key” at the top"));
  }
  const dialog = byId("auth-dialog");
  const form = byId("auth-form");
  const input = byId("auth-key");
  byId("auth-reason").textContent = reason;
  input.value = "";
  pending = new Promise((resolve, reject) => {
    const done = (key) => {
      form.removeEventListener("submit", onSubmit);
      dialog.removeEventListener("cancel", onCancel);
      byId("auth-cancel").removeEventListener("click", onCancel);
      if (dialog.open) dialog.close();
      pending = null;
      setDeclined(!key);
      if (key) resolve(key);
      else reject(new Error("this server needs an API key: use “Enter API key” at the top"));
    };
    const onSubmit = (event) => {
      event.preventDefault();
      const key = input.value.trim();
      if (!key) return;
      store(key);
      done(key);
    };
    const onCancel = (event) => {
      event.preventDefault();
      done(null);
    };
    form.addEventListener("submit", onSubmit);
    dialog.addEventListener("cancel", onCancel);
    byId("auth-cancel").addEventListener("click", onCancel);
  });
  dialog.showModal();
  input.focus();
  return pending;
}

/** Wires the header's key buttons; `entered` runs after a key is entered by hand. */
export function initAuth(entered) {
  byId("enter-key").addEventListener("click", () => {
    requestKey("Enter this server's API key (ECHO_API_KEY).", { ask: true }).then(entered, () => {});
  });
  const button = byId("forget-key");
  button.hidden = !storedKey();
  button.addEventListener("click", () => {
    forgetKey();
    button.hidden = true;
  });
}
