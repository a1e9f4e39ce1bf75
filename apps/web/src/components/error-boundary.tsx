import { Component, type ReactNode } from "react";

interface Props {
  /** What to show instead of the children once they threw; `reset` tries them again. */
  fallback: (reset: () => void) => ReactNode;
  children: ReactNode;
}

/** Keeps a widget that throws while rendering from blanking the page around it. */
export class ErrorBoundary extends Component<Props, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidCatch(error: unknown): void {
    console.error("A widget failed to render", error);
  }

  reset = (): void => this.setState({ failed: false });

  override render(): ReactNode {
    return this.state.failed ? this.props.fallback(this.reset) : this.props.children;
  }
}
