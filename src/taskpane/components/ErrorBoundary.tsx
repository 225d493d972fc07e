/**
 * Last line of defence of the pane. A rendering bug replaces the pane with the internal-error notice
 * (bilingual, no stack; the details behind a copy and a download button) instead of an empty pane; an
 * error nobody caught elsewhere (an unhandled promise rejection, an error event) shows the same notice
 * above the pane, which keeps working. The workbook is not touched by either.
 */
import { Component, type ErrorInfo, type ReactNode } from "react";
import { InternalErrorNotice } from "./InternalErrorNotice.js";

interface Caught {
  error: unknown;
  at: Date;
  notes?: string[];
}

interface State {
  /** A render failure: the pane is gone. */
  crash: Caught | null;
  /** A stray failure: the pane still works. */
  stray: Caught | null;
}

export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { crash: null, stray: null };

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { crash: { error, at: new Date() } };
  }

  private readonly onRejection = (event: PromiseRejectionEvent) => {
    event.preventDefault();
    this.setState({ stray: { error: event.reason, at: new Date() } });
  };

  private readonly onError = (event: ErrorEvent) => {
    // Resource load errors carry no error object; only script errors are ours to report.
    if (event.error === undefined && !event.message) return;
    event.preventDefault();
    this.setState({ stray: { error: event.error ?? event.message, at: new Date() } });
  };

  override componentDidMount(): void {
    window.addEventListener("unhandledrejection", this.onRejection);
    window.addEventListener("error", this.onError);
  }

  override componentWillUnmount(): void {
    window.removeEventListener("unhandledrejection", this.onRejection);
    window.removeEventListener("error", this.onError);
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    // The component stack goes into the report, beside the error's own stack.
    const notes = info.componentStack ? ["Component stack:", info.componentStack.trim()] : undefined;
    this.setState({ crash: { error, at: this.state.crash?.at ?? new Date(), notes } });
  }

  override render(): ReactNode {
    const { crash, stray } = this.state;
    if (crash) return <InternalErrorNotice error={crash.error} at={crash.at} notes={crash.notes} />;
    return (
      <>
        {stray && <InternalErrorNotice error={stray.error} at={stray.at} onDismiss={() => this.setState({ stray: null })} />}
        {this.props.children}
      </>
    );
  }
}
