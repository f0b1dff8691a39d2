import { useTranslation } from 'react-i18next';
import type { Trigger } from '../../../../contract/trigger';
import { CopyButton } from '../../../components/copy-button';

/** Copy the trigger's public or internal endpoint; the public one is off while Disable Internet URL is on. */
export function EndpointCopyButtons({ trigger }: { trigger: Trigger }) {
  const { t } = useTranslation();
  return (
    <>
      <CopyButton
        text={trigger.httpTrigger.urlInternet}
        label={t('snippets.copyPublic')}
        disabled={trigger.triggerConfig.disableURLInternet === true}
      />
      <CopyButton text={trigger.httpTrigger.urlIntranet} label={t('snippets.copyInternal')} />
    </>
  );
}
