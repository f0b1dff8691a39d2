import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';

export function SectionHeader({ title, action, id }: { title: string; action: ReactNode; id: string }) {
  return (
    <Stack direction="row" sx={{ alignItems: 'center', justifyContent: 'space-between', mb: 1 }}>
      <Typography variant="h6" component="h2" id={id}>
        {title}
      </Typography>
      {action}
    </Stack>
  );
}
