import { forwardRef, type AnchorHTMLAttributes } from 'react';
import { Link } from 'wouter';

type Props = Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href'> & { to: string };

/** wouter's Link as the `component` of an MUI Link, Button or ListItemButton. */
export const RouterLink = forwardRef<HTMLAnchorElement, Props>(function RouterLink(props, ref) {
  return <Link ref={ref} {...props} />;
});
