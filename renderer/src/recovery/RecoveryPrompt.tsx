// The restore prompt: unsaved work a crashed, killed or closed window left is offered once the app opens, newest first;
// it stays offered (across reloads) until the user restores or discards it.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DraftInfo } from '../../../shared/api/drafts';
import { discardDraft, draftToOffer, restoreDraft } from './drafts';

export function RecoveryPrompt() {
  const { t, i18n } = useTranslation();
  const [offer, setOffer] = useState<DraftInfo | undefined>();
  useEffect(() => {
    let live = true;
    void draftToOffer().then((d) => live && setOffer(d));
    return () => {
      live = false;
    };
  }, []);
  if (!offer) return null;
  const answer = async (restore: boolean) => {
    setOffer(undefined);
    if (restore) await restoreDraft(offer);
    else await discardDraft(offer);
    setOffer(await draftToOffer());
  };
  return (
    <div className="recovery" role="alertdialog" aria-label={t('recovery.title')}>
      <span>
        {t('recovery.text', { when: new Date(offer.savedAt).toLocaleString(i18n.language) })}
        {offer.fileName ? ` (${offer.fileName})` : ''}
      </span>
      <button onClick={() => void answer(true)}>{t('recovery.restore')}</button>
      <button onClick={() => void answer(false)}>{t('recovery.discard')}</button>
    </div>
  );
}
