import { Component, type ReactNode } from 'react';
import { RouteErrorPage } from './route-error-page';

type Props = { resetKey: string; children: ReactNode };
type State = { failed: boolean; error: unknown; key: string };

/** Catches what a page throws while rendering; moving to another page (resetKey) tries again. */
export class RouteErrorBoundary extends Component<Props, State> {
  override state: State = { failed: false, error: undefined, key: this.props.resetKey };

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { failed: true, error };
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    return props.resetKey === state.key ? null : { failed: false, error: undefined, key: props.resetKey };
  }

  override render() {
    return this.state.failed ? <RouteErrorPage error={this.state.error} /> : this.props.children;
  }
}
