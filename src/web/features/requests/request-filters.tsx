import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { STATUS_CLASSES } from '../../../contract/recorded-request';
import { HTTP_METHODS, type Trigger } from '../../../contract/trigger';
import type { RequestFilters } from './queries';

export const TIME_RANGES = { all: 0, '15m': 15 * 60_000, '1h': 60 * 60_000, '1d': 24 * 60 * 60_000 } as const;
type TimeRange = keyof typeof TIME_RANGES;

type Props = { filters: RequestFilters; onChange: (filters: RequestFilters) => void; triggers: Trigger[] };

function Select({
  label,
  value,
  options,
  onChange,
}: {
  label: string;
  value: string;
  options: ReadonlyArray<readonly [string, string]>;
  onChange: (value: string) => void;
}) {
  return (
    <TextField
      select
      size="small"
      label={label}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      sx={{ minWidth: 130 }}
    >
      {options.map(([option, text]) => (
        <MenuItem key={option} value={option}>
          {text}
        </MenuItem>
      ))}
    </TextField>
  );
}

/** Status class, method, trigger, time range, path text and request id; an empty choice is "all". */
export function RequestFiltersBar({ filters, onChange, triggers }: Props) {
  const { t } = useTranslation();
  const [range, setRange] = useState<TimeRange>('all');
  const all = ['', t('requests.filters.all')] as const;
  const set = (patch: RequestFilters) => onChange({ ...filters, ...patch });
  const text = (value: string) => (value.trim() === '' ? undefined : value.trim());
  return (
    <Stack direction="row" useFlexGap spacing={1} sx={{ flexWrap: 'wrap', mb: 2 }} role="search">
      <Select
        label={t('requests.filters.status')}
        value={filters.statusClass ?? ''}
        options={[all, ...STATUS_CLASSES.map((c) => [c, c] as const)]}
        onChange={(v) => set({ statusClass: (v || undefined) as RequestFilters['statusClass'] })}
      />
      <Select
        label={t('requests.filters.method')}
        value={filters.method ?? ''}
        options={[all, ...HTTP_METHODS.map((m) => [m, m] as const)]}
        onChange={(v) => set({ method: v || undefined })}
      />
      <Select
        label={t('requests.filters.trigger')}
        value={filters.triggerName ?? ''}
        options={[all, ...triggers.map((tr) => [tr.triggerName, tr.triggerName] as const)]}
        onChange={(v) => set({ triggerName: v || undefined })}
      />
      <Select
        label={t('requests.filters.time')}
        value={range}
        options={Object.keys(TIME_RANGES).map((r) => [r, t(`requests.filters.range.${r}`)] as const)}
        onChange={(v) => {
          const chosen = v as TimeRange;
          setRange(chosen);
          const since = TIME_RANGES[chosen] ? new Date(Date.now() - TIME_RANGES[chosen]).toISOString() : undefined;
          set({ since });
        }}
      />
      <TextField
        size="small"
        label={t('requests.filters.path')}
        value={filters.path ?? ''}
        onChange={(e) => set({ path: e.target.value || undefined })}
        slotProps={{ htmlInput: { maxLength: 1024 } }}
      />
      <TextField
        size="small"
        type="search"
        label={t('requests.filters.requestId')}
        value={filters.requestId ?? ''}
        onChange={(e) => set({ requestId: text(e.target.value) })}
        slotProps={{ htmlInput: { maxLength: 128 } }}
      />
    </Stack>
  );
}
