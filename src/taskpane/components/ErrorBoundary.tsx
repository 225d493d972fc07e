/**
 * Last line of defence: a rendering bug shows its message (both languages, the pane's language may be
 * what failed) instead of leaving an empty pane. The workbook is not touched by rendering.
 */
import { Component, type ErrorInfo, type ReactNode } from "react";

interface State {
  error: Error | null;
}

export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    // Kept in the console too, with the component stack, for a bug report.
    console.error(error, info.componentStack);
  }

  override render(): ReactNode {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <div role="alert" style={{ padding: 16, color: "#a4262c", fontSize: 14 }} data-testid="pane-crash">
        <p>界面出错，工作簿未改动。请重新打开任务窗格；若反复出现，请把以下信息发给维护者：</p>
        <p>The pane failed; the workbook was not changed. Reopen the pane; if it happens again, send this to the maintainers:</p>
        <pre style={{ whiteSpace: "pre-wrap" }}>{`${error.name}: ${error.message}`}</pre>
      </div>
    );
  }
}
