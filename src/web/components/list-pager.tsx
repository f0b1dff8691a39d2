import ChevronLeftIcon from '@mui/icons-material/ChevronLeft';
import ChevronRightIcon from '@mui/icons-material/ChevronRight';
import IconButton from '@mui/material/IconButton';
import Box from '@mui/material/Box';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useId, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { PAGE_SIZES, type PageSize, type TokenPages } from './use-token-pages';

type Props = {
  pages: TokenPages;
  /** The token FC answered with the shown page; none on the last page. */
  nextToken?: string;
  /** While a page loads the buttons wait for it. */
  busy?: boolean;
  /** Its name when a page has more than one list. */
  label?: string;
};

/**
 * Page size, Previous and Next under a list. A plain select rather than MUI's: the Functions list is
 * the first download, and MUI's input and menu machinery would weigh on it.
 */
export function ListPager({ pages, nextToken, busy = false, label }: Props) {
  const { t } = useTranslation();
  const sizeId = useId();
  return (
    <Stack
      component="nav"
      aria-label={label ?? t('layout.pager.label')}
      direction="row"
      sx={{ alignItems: 'center', justifyContent: 'flex-end', flexWrap: 'wrap', gap: 1, px: 2, py: 1 }}
    >
      <Typography component="label" htmlFor={sizeId} variant="body2">
        {t('layout.pager.pageSize')}
      </Typography>
      <Box
        component="select"
        id={sizeId}
        value={pages.pageSize}
        onChange={(event: ChangeEvent<HTMLSelectElement>) =>
          pages.changePageSize(Number(event.target.value) as PageSize)
        }
        sx={{ font: 'inherit', fontSize: 14, py: 0.5, px: 1, borderRadius: 1, borderColor: 'grey.500' }}
      >
        {PAGE_SIZES.map((size) => (
          <option key={size} value={size}>
            {size}
          </option>
        ))}
      </Box>
      <Typography variant="body2" aria-live="polite" sx={{ mx: 1 }}>
        {t('layout.pager.page', { page: pages.page })}
      </Typography>
      <IconButton
        aria-label={t('layout.pager.previous')}
        disabled={busy || !pages.hasPrevious}
        onClick={pages.previous}
      >
        <ChevronLeftIcon />
      </IconButton>
      <IconButton
        aria-label={t('layout.pager.next')}
        disabled={busy || !nextToken}
        onClick={() => nextToken && pages.next(nextToken)}
      >
        <ChevronRightIcon />
      </IconButton>
    </Stack>
  );
}
