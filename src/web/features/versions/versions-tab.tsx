import Stack from '@mui/material/Stack';
import { AliasesSection } from './aliases-section';
import { VersionsSection } from './versions-section';

export function VersionsTab({ functionName }: { functionName: string }) {
  return (
    <Stack spacing={4}>
      <VersionsSection functionName={functionName} />
      <AliasesSection functionName={functionName} />
    </Stack>
  );
}
