// The tag in a Pod group's header when the design holds several Pods: which group is being edited, and which one a
// click would switch to.
import { useTranslation } from 'react-i18next';
import './pods.css';

export function PodGroupTag({ pod }: { pod: number | undefined }) {
  const { t } = useTranslation();
  if (pod === undefined)
    return (
      <span className="pod-group-tag active" data-testid="active-pod-tag">
        {t('pods.editing')}
      </span>
    );
  return <span className="pod-group-tag">{t('pods.clickToEdit')}</span>;
}
