import Box from '@mui/material/Box';
import Stack from '@mui/material/Stack';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'wouter';
import { LATEST } from '../../contract/names';
import { FunctionConfiguration } from '../features/functions/function-configuration';
import { FunctionHeader } from '../features/functions/function-header';
import { functionQueries } from '../features/functions/queries';
import { TriggersTab } from '../features/triggers/triggers-tab';
import { VersionsTab } from '../features/versions/versions-tab';
import { useQualifierChoices } from '../lib/qualifier-queries';
import { AsyncTasksView } from '../features/invocations/async-tasks-view';
import { MonitoringTab } from '../features/monitoring/monitoring-tab';
import { RequestsTab } from '../features/requests/requests-tab';
import { RecordedRequestView } from './recorded-request-view';
import { CodeTestWorkspace } from './code-test-workspace';

// The selector's select and menu load beside the page rather than in its way.
const QualifierSelect = lazy(() =>
  import('../features/versions/qualifier-select').then((m) => ({ default: m.QualifierSelect })),
);

const TABS = ['code', 'triggers', 'configuration', 'versions', 'asyncTasks', 'requests', 'monitoring'] as const;
type TabName = (typeof TABS)[number];

/** The Trigger tab offers LATEST plus the function's versions and aliases. */
function TriggersWithQualifiers({ functionName, editing }: { functionName: string; editing?: string }) {
  const choices = useQualifierChoices(functionName);
  return <TriggersTab functionName={functionName} choices={choices} editTriggerName={editing} />;
}

type TabContentProps = {
  tab: TabName;
  functionName: string;
  editing?: string;
  /** A version or alias chosen in the header: its configuration and code, read-only. */
  qualifier?: string;
  onModifyTrigger: (triggerName: string) => void;
  /** The Requests tab's open request (`?request=`), and the tab to switch to. */
  request?: string;
  onSelectRequest: (requestId: string | undefined) => void;
  onOpenTab: (tab: TabName) => void;
};

function TabContent({ tab, functionName, editing, qualifier, onModifyTrigger, ...requests }: TabContentProps) {
  switch (tab) {
    case 'code':
      return <CodeTestWorkspace functionName={functionName} qualifier={qualifier} onModifyTrigger={onModifyTrigger} />;
    case 'triggers':
      return <TriggersWithQualifiers functionName={functionName} editing={editing} />;
    case 'configuration':
      return <FunctionConfiguration name={functionName} qualifier={qualifier} />;
    case 'versions':
      return <VersionsTab functionName={functionName} />;
    case 'asyncTasks':
      return <AsyncTasksView functionName={functionName} />;
    case 'requests':
      return (
        <RequestsTab
          functionName={functionName}
          selected={requests.request}
          onSelect={requests.onSelectRequest}
          renderDetail={(recorded, triggers) => (
            <RecordedRequestView
              functionName={functionName}
              recorded={recorded}
              triggers={triggers}
              onOpenInTest={() => requests.onOpenTab('code')}
              onModifyTrigger={onModifyTrigger}
            />
          )}
        />
      );
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
  const qualifier = search.get('qualifier') || undefined;
  // The chosen version or alias stays in the URL whatever else a tab adds (an open request, a trigger to edit).
  const show = (next: { tab: TabName; qualifier?: string; request?: string; edit?: string }) =>
    setSearch({
      tab: next.tab,
      ...(next.qualifier && next.qualifier !== LATEST ? { qualifier: next.qualifier } : {}),
      ...(next.request ? { request: next.request } : {}),
      ...(next.edit ? { edit: next.edit } : {}),
    });
  // The header explains a function that cannot be loaded; its tabs would only repeat the error.
  const fn = useQuery(functionQueries.detail(name));

  return (
    <Box>
      <Stack direction="row" useFlexGap spacing={2} sx={{ alignItems: 'flex-start', flexWrap: 'wrap' }}>
        <Box sx={{ flex: 1, minWidth: 0 }}>
          <FunctionHeader name={name} />
        </Box>
        {fn.isError ? null : (
          <Suspense fallback={null}>
            <QualifierSelect
              functionName={name}
              value={qualifier ?? LATEST}
              onChange={(next) => show({ tab, qualifier: next })}
            />
          </Suspense>
        )}
      </Stack>
      {fn.isError ? null : (
        <>
          <Tabs
            value={tab}
            onChange={(_, next: TabName) => show({ tab: next, qualifier })}
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
              key={`${name}-${tab}-${qualifier ?? LATEST}`}
              tab={tab}
              functionName={name}
              editing={search.get('edit') ?? undefined}
              qualifier={qualifier}
              onModifyTrigger={(triggerName) => show({ tab: 'triggers', qualifier, edit: triggerName })}
              request={search.get('request') ?? undefined}
              onSelectRequest={(request) => show({ tab, qualifier, request })}
              onOpenTab={(next) => show({ tab: next, qualifier })}
            />
          </Box>
        </>
      )}
    </Box>
  );
}
