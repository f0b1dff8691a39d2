import Box from '@mui/material/Box';
import { useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useId, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import type { ConsoleSettings } from '../../contract/console-api';
import { FC_REGIONS, isFcRegion } from '../../contract/fc-region-list';
import { chooseRegion, REGION_PARAM } from '../lib/region';
import { useRegionInAddress } from './region-in-address';

// Loaded only when a link named a region that could not be used.
const RegionNotice = lazy(() => import('./region-notice'));

const visuallyHidden = {
  position: 'absolute',
  width: 1,
  height: 1,
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
} as const;

/**
 * The app bar's region: in cloud mode FC's regions, each a new endpoint for the bff; in local mode the
 * engine's one region, disabled, saying why. A plain select (and the native title as its tooltip):
 * the app bar is in the first download.
 */
export function RegionSelect({ settings }: { settings: ConsoleSettings }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [, navigate] = useLocation();
  const id = useId();
  const local = settings.mode === 'local';
  const explanation = t('lists.region.localOnly', { region: settings.region });
  const regions: readonly string[] = local ? [settings.region] : FC_REGIONS;
  const address = useRegionInAddress(settings);
  return (
    <Box sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
      <Box component="label" htmlFor={id} sx={visuallyHidden}>
        {t('lists.region.label')}
      </Box>
      <Box
        component="select"
        id={id}
        value={settings.region}
        disabled={local}
        title={local ? explanation : undefined}
        aria-describedby={local ? `${id}-why` : undefined}
        onChange={(event: ChangeEvent<HTMLSelectElement>) => {
          const region = event.target.value;
          if (!isFcRegion(region)) return;
          chooseRegion(region);
          // Another region holds other functions: start again from its Functions list.
          navigate(`/functions?${REGION_PARAM}=${region}`);
          void queryClient.resetQueries();
        }}
        sx={{
          font: 'inherit',
          fontSize: 14,
          py: 0.5,
          px: 1,
          borderRadius: 1,
          color: 'inherit',
          bgcolor: 'transparent',
          borderColor: 'currentColor',
          '& option': { color: 'text.primary', bgcolor: 'background.paper' },
        }}
      >
        {regions.map((region) => (
          <option key={region} value={region}>
            {region}
          </option>
        ))}
      </Box>
      {local ? (
        <Box component="span" id={`${id}-why`} sx={visuallyHidden}>
          {explanation}
        </Box>
      ) : null}
      {address.ignored ? (
        <Suspense fallback={null}>
          <RegionNotice asked={address.ignored} region={settings.region} local={local} onClose={address.dismiss} />
        </Suspense>
      ) : null}
    </Box>
  );
}
