import Box from '@mui/material/Box';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'wouter';
import { FunctionConfiguration } from '../features/functions/function-configuration';
import { FunctionHeader } from '../features/functions/function-header';
import { functionQueries } from '../features/functions/queries';
import { TriggersTab } from '../features/triggers/triggers-tab';
import { versionQueries } from '../features/versions/queries';
import { VersionsTab } from '../features/versions/versions-tab';
import { AsyncTasksView } from '../features/invocations/async-tasks-view';
import { MonitoringTab } from '../features/monitoring/monitoring-tab';
import { CodeTestWorkspace } from './code-test-workspace';

const TABS = ['code', 'triggers', 'configuration', 'versions', 'asyncTasks', 'monitoring'] as const;
type TabName = (typeof TABS)[number];

/** The Trigger tab offers LATEST plus the function's versions and aliases. */
function TriggersWithQualifiers({ functionName, editing }: { functionName: string; editing?: string }) {
  const versions = useQuery(versionQueries.list(functionName));
  const aliases = useQuery(versionQueries.aliases(functionName));
  const choices = {
    versions: versions.data?.versions.map((v) => v.versionId) ?? [],
    aliases: aliases.data?.aliases.map(({ aliasName, versionId }) => ({ aliasName, versionId })) ?? [],
  };
  return <TriggersTab functionName={functionName} choices={choices} editTriggerName={editing} />;
}

type TabContentProps = {
  tab: TabName;
  functionName: string;
  editing?: string;
  onModifyTrigger: (triggerName: string) => void;
};

function TabContent({ tab, functionName, editing, onModifyTrigger }: TabContentProps) {
  switch (tab) {
    case 'code':
      return <CodeTestWorkspace functionName={functionName} onModifyTrigger={onModifyTrigger} />;
    case 'triggers':
      return <TriggersWithQualifiers functionName={functionName} editing={editing} />;
    case 'configuration':
      return <FunctionConfiguration name={functionName} />;
    case 'versions':
      return <VersionsTab functionName={functionName} />;
    case 'asyncTasks':
      return <AsyncTasksView functionName={functionName} />;
    case 'monitoring':
      return <MonitoringTab functionName={functionName} />;
  }
}

export default function FunctionDetailsPage() {
  const { t } = useTranslation();
  const { name = '' } = useParams<{ name?: string }>();
  const [search, setSearch] = useSearchParams();
  const requested = search.get('tab');
  const tab: TabName = TABS.find((candidate) => candidate === requested) ?? 'code';
  // The header explains a function that cannot be loaded; its tabs would only repeat the error.
  const fn = useQuery(functionQueries.detail(name));

  return (
    <Box>
      <FunctionHeader name={name} />
      {fn.isError ? null : (
        <>
          <Tabs
            value={tab}
            onChange={(_, next: TabName) => setSearch({ tab: next })}
            aria-label={t('functions.details.tabs')}
            variant="scrollable"
            scrollButtons="auto"
            allowScrollButtonsMobile
            sx={{ borderBottom: 1, borderColor: 'divider', my: 2 }}
          >
            {TABS.map((value) => (
              <Tab
                key={value}
                value={value}
                label={t(`functions.details.tab.${value}`)}
                id={`tab-${value}`}
                aria-controls={`tabpanel-${value}`}
              />
            ))}
          </Tabs>
          <Box role="tabpanel" id={`tabpanel-${tab}`} aria-labelledby={`tab-${tab}`}>
            <TabContent
              key={`${name}-${tab}`}
              tab={tab}
              functionName={name}
              editing={search.get('edit') ?? undefined}
              onModifyTrigger={(triggerName) => setSearch({ tab: 'triggers', edit: triggerName })}
            />
          </Box>
        </>
      )}
    </Box>
  );
}
