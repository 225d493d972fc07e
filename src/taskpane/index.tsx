/**
 * Entry of the task pane and of the standalone page: wait for office.js, then pick the host. Inside
 * Excel the pane works on the open workbook; outside Office (office.js reports no host) it is the
 * standalone page working on an .xlsx file. FluentProvider is mounted once, here.
 */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { createRoot } from "react-dom/client";
import { App } from "./App.js";
import { ErrorBoundary } from "./components/ErrorBoundary.js";
import { InternalErrorNotice } from "./components/InternalErrorNotice.js";
import type { Host } from "./host.js";
import { officeHost, standaloneHost } from "./hosts.js";

function chooseHost(info: { host: Office.HostType | null } | null): Host {
  if (info?.host === Office.HostType.Excel) return officeHost(Office.context.displayLanguage ?? null);
  return standaloneHost(typeof navigator === "undefined" ? null : navigator.language);
}

function mount(host: Host): void {
  const container = document.getElementById("container");
  if (!container) throw new Error("#container missing from the page");
  document.documentElement.dataset.host = host.kind;
  createRoot(container).render(
    <FluentProvider theme={webLightTheme}>
      <ErrorBoundary>
        <App host={host} />
      </ErrorBoundary>
    </FluentProvider>,
  );
}

/** Starting failed before the pane's error boundary existed: show the internal-error notice alone. */
function startFailed(error: unknown): void {
  const container = document.getElementById("container") ?? document.body;
  createRoot(container).render(<InternalErrorNotice error={error} at={new Date()} />);
}

function start(): void {
  // On an old webview taskpane.html's ES5 check already shows #pp-unsupported: leave that message alone.
  if (document.getElementById("pp-unsupported")) return;
  // Without office.js at all (a broken CDN link on the standalone page), still start as the standalone page.
  try {
    if (typeof Office === "undefined") mount(standaloneHost(navigator.language));
    else
      Office.onReady()
        .then((info) => mount(chooseHost(info)))
        .catch(startFailed);
  } catch (error) {
    startFailed(error);
  }
}

start();
