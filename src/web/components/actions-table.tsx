import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import type { SxProps, Theme } from '@mui/material/styles';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export type ActionsTableColumn<T> = { header: string; cell: (row: T) => ReactNode; sx?: SxProps<Theme> };

/** A button of the Actions column: `label` is shown, `name(row)` names it with its row for a screen reader. */
export type RowAction<T> = { label: string; name: (row: T) => string; onClick: (row: T) => void; danger?: boolean };

type Props<T> = {
  rows: T[];
  rowKey: (row: T) => string;
  columns: ActionsTableColumn<T>[];
  actions: RowAction<T>[];
  /** The table's name: a label, or the id of the heading above it. */
  label?: string;
  labelledBy?: string;
  size?: 'small' | 'medium';
  rowSx?: SxProps<Theme>;
};

/**
 * A list of the console's things as a table, each row ending with its actions (Modify, Delete …), stacked on
 * narrow screens. The empty, loading and failed states are ListStates'.
 */
export function ActionsTable<T>({ rows, rowKey, columns, actions, label, labelledBy, size, rowSx }: Props<T>) {
  const { t } = useTranslation();
  return (
    <Table aria-label={label} aria-labelledby={labelledBy} size={size}>
      <TableHead>
        <TableRow>
          {columns.map((column) => (
            <TableCell key={column.header} sx={column.sx}>
              {column.header}
            </TableCell>
          ))}
          <TableCell>{t('common.actions')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.map((row) => (
          <TableRow key={rowKey(row)} sx={rowSx}>
            {columns.map((column) => (
              <TableCell key={column.header} sx={column.sx}>
                {column.cell(row)}
              </TableCell>
            ))}
            <TableCell>
              <Stack direction={{ xs: 'column', lg: 'row' }} spacing={0.5}>
                {actions.map((action) => (
                  <Button
                    key={action.label}
                    size="small"
                    color={action.danger ? 'error' : 'primary'}
                    onClick={() => action.onClick(row)}
                    aria-label={action.name(row)}
                  >
                    {action.label}
                  </Button>
                ))}
              </Stack>
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
