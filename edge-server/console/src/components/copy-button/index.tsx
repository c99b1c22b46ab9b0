import { useState } from 'preact/hooks';
import { useT } from '../../lib/use-t';

interface Props {
  text: string;
  label?: string;
  testId?: string;
}

/** Copies text to the clipboard, with a fallback for plain-http origins where the Clipboard API is absent. */
export function CopyButton({ text, label, testId }: Props) {
  const { t } = useT();
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');

  async function copy() {
    try {
      if (navigator.clipboard && window.isSecureContext) {
        await navigator.clipboard.writeText(text);
      } else {
        const area = document.createElement('textarea');
        area.value = text;
        area.setAttribute('readonly', '');
        area.style.position = 'fixed';
        area.style.opacity = '0';
        document.body.appendChild(area);
        area.select();
        const ok = document.execCommand('copy');
        area.remove();
        if (!ok) throw new Error('copy refused');
      }
      setState('copied');
    } catch {
      setState('failed');
    }
    setTimeout(() => setState('idle'), 2000);
  }

  return (
    <button type="button" class="btn btn-small" onClick={copy} data-testid={testId} aria-live="polite">
      {state === 'copied' ? t('common.copied') : state === 'failed' ? t('common.selectAndCopy') : (label ?? t('common.copy'))}
    </button>
  );
}
