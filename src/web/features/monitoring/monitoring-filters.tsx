import FormControl from '@mui/material/FormControl';
import InputLabel from '@mui/material/InputLabel';
import MenuItem from '@mui/material/MenuItem';
import Select from '@mui/material/Select';
import Stack from '@mui/material/Stack';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { METRICS_WINDOWS, type MetricsQuery } from '../../../contract/recorded-request';
import { MONITORING_NS } from './monitoring-i18n';

type Props = {
  query: MetricsQuery;
  onChange: (query: MetricsQuery) => void;
  triggerNames: readonly string[];
  qualifiers: readonly string[];
};

const ALL = '';

function Choice(props: {
  label: string;
  all: string;
  value?: string;
  options: readonly string[];
  onChange: (value?: string) => void;
}) {
  const id = useId();
  return (
    <FormControl size="small" sx={{ minWidth: 160, flex: { xs: '1 1 100%', sm: '0 0 auto' } }}>
      <InputLabel id={id} shrink>
        {props.label}
      </InputLabel>
      <Select
        labelId={id}
        label={props.label}
        displayEmpty
        notched
        value={props.value ?? ALL}
        onChange={(event) => props.onChange(event.target.value === ALL ? undefined : event.target.value)}
      >
        <MenuItem value={ALL}>{props.all}</MenuItem>
        {props.options.map((option) => (
          <MenuItem key={option} value={option}>
            {option}
          </MenuItem>
        ))}
      </Select>
    </FormControl>
  );
}

/** The window (last hour, last day), and one trigger and one qualifier, or all of them. */
export function MonitoringFilters({ query, onChange, triggerNames, qualifiers }: Props) {
  const { t } = useTranslation(MONITORING_NS);
  return (
    <Stack
      direction="row"
      role="group"
      aria-label={t('filters')}
      sx={{ flexWrap: 'wrap', gap: 2, alignItems: 'center', mb: 2 }}
    >
      <ToggleButtonGroup
        exclusive
        size="small"
        value={query.window}
        aria-label={t('window.label')}
        onChange={(_, window: MetricsQuery['window'] | null) => window && onChange({ ...query, window })}
      >
        {METRICS_WINDOWS.map((window) => (
          <ToggleButton key={window} value={window}>
            {t(`window.${window}`)}
          </ToggleButton>
        ))}
      </ToggleButtonGroup>
      <Choice
        label={t('trigger.label')}
        all={t('trigger.all')}
        value={query.triggerName}
        options={triggerNames}
        onChange={(triggerName) => onChange({ ...query, triggerName })}
      />
      <Choice
        label={t('qualifier.label')}
        all={t('qualifier.all')}
        value={query.qualifier}
        options={qualifiers}
        onChange={(qualifier) => onChange({ ...query, qualifier })}
      />
    </Stack>
  );
}
