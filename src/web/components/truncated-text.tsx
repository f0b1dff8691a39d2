import Typography, { type TypographyProps } from '@mui/material/Typography';

type Props = Omit<TypographyProps, 'children' | 'noWrap' | 'title'> & {
  text: string;
  maxWidth?: TypographyProps['maxWidth'];
};

/**
 * A name that may be 128 characters long: one line cut with an ellipsis, the whole name on hover.
 * `minWidth: 0` lets it shrink inside a flex row instead of widening the page.
 */
export function TruncatedText({ text, maxWidth = '100%', sx, ...props }: Props) {
  return (
    <Typography
      noWrap
      title={text}
      {...props}
      sx={[{ display: 'block', minWidth: 0, maxWidth }, ...(Array.isArray(sx) ? sx : [sx])]}
    >
      {text}
    </Typography>
  );
}
