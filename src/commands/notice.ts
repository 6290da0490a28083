/** The dialog that shows the ribbon command's outcome. Text only; "Close" tells the command to finish. */
import { uiStrings } from "../i18n/ui";
import { decodeNotice } from "./notice-data";

function element<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string) {
  const el = document.createElement(tag);
  if (text !== undefined) el.textContent = text;
  if (className) el.className = className;
  return el;
}

function close() {
  try {
    Office.context.ui.messageParent("close");
  } catch {
    window.close(); // not in an Office dialog, or office.js is missing
  }
}

function render() {
  const root = document.getElementById("notice");
  if (!root) return;
  const notice = decodeNotice(window.location.search);
  if (!notice) {
    close();
    return;
  }
  document.documentElement.lang = notice.lang;
  document.title = notice.title;
  root.className = notice.kind;
  root.append(element("h1", notice.title), element("p", notice.body));
  if (notice.details.length > 0) {
    const list = element("ul");
    for (const line of notice.details) list.append(element("li", line));
    root.append(list);
  }
  const button = element("button", uiStrings[notice.lang]["notice.close"]);
  button.type = "button";
  button.addEventListener("click", close);
  root.append(button);
  button.focus();
}

// office.js did not load: still show the text.
if (typeof Office === "undefined") render();
else void Office.onReady(() => render());
