import { useEffect, useState } from 'preact/hooks';
import { buttons } from '@vitrina/contracts/client';
import type { ScreenProps } from '../../screens';
import { SURVEY_THANKS_MS } from '../../config';
import { useT } from '../../lib/use-t';
import { Brand } from '../brand';
import { LetterKeyboard } from '../letter-keyboard';
import styles from './style.module.css';

const SCORES = Array.from({ length: 11 }, (_, i) => i);

/**
 * The one-question survey at the end of a session (shown only when the server says the shopper
 * is due): 0–10, optional reason chips, an optional comment on the on-screen keyboard, Skip
 * always there. Then a thank-you that returns to attract on its own.
 */
export default function Survey({ state, actions }: ScreenProps) {
  const survey = state.survey;
  if (!survey) return null;
  return survey.phase === 'thanks' ? <Thanks onDone={() => actions.finish('done')} /> : <Ask {...{ state, actions }} />;
}

function Ask({ state, actions }: ScreenProps) {
  const { t, language } = useT();
  const survey = state.survey!;
  const [score, setScore] = useState<number | null>(null);
  const [reasons, setReasons] = useState<string[]>([]);
  const [comment, setComment] = useState('');
  const [typing, setTyping] = useState(false);
  const toggle = (id: string) => setReasons((r) => (r.includes(id) ? r.filter((x) => x !== id) : [...r, id]));
  const send = () => {
    if (score === null) return;
    actions.answerSurvey(comment.trim() ? { score, reasons, comment } : { score, reasons });
  };

  return (
    <main class={typing ? `${styles.page} ${styles.typing}` : styles.page} data-testid="survey">
      <header class={styles.header}>
        <Brand />
        <button class={buttons.ghost} data-testid="survey-skip" onClick={() => actions.finish('done')}>
          {t('survey.skip')}
        </button>
      </header>
      <div class={styles.main}>
        <h1 class={styles.question} id="survey-question">
          {t('survey.question')}
        </h1>
        <div class={styles.scale} role="radiogroup" aria-labelledby="survey-question">
          {SCORES.map((n) => (
            <button
              key={n}
              type="button"
              role="radio"
              aria-checked={score === n}
              class={`${styles.score} ${score === n ? styles.chosen : ''}`}
              data-testid={`survey-score-${n}`}
              onClick={() => setScore(n)}
            >
              {n}
            </button>
          ))}
        </div>
        <div class={styles.ends} aria-hidden="true">
          <span>{t('survey.notLikely')}</span>
          <span>{t('survey.veryLikely')}</span>
        </div>
        {survey.reasons.length > 0 && (
          <fieldset class={styles.reasons}>
            <legend>{t('survey.reasons')}</legend>
            <div class={styles.chips}>
              {survey.reasons.map((r) => (
                <button
                  key={r.id}
                  type="button"
                  aria-pressed={reasons.includes(r.id)}
                  class={`${styles.chip} ${reasons.includes(r.id) ? styles.chipOn : ''}`}
                  data-testid={`survey-reason-${r.id}`}
                  onClick={() => toggle(r.id)}
                >
                  {language === 'ru' ? r.labels.ru : r.labels.en}
                </button>
              ))}
            </div>
          </fieldset>
        )}
      </div>
      <div class={styles.comment}>
        {typing ? (
          <>
            <label class={styles.commentLabel} for="survey-comment">
              {t('survey.comment')}
            </label>
            <output id="survey-comment" class={styles.commentText} data-testid="survey-comment-text" aria-live="polite">
              {comment || <span class={styles.placeholder}>{t('survey.commentHint', { max: survey.commentMaxLength })}</span>}
            </output>
            <LetterKeyboard value={comment} onChange={setComment} maxLength={survey.commentMaxLength} />
          </>
        ) : (
          <button type="button" class={`${buttons.ghost} ${styles.addComment}`} data-testid="survey-add-comment" onClick={() => setTyping(true)}>
            {t('survey.addComment')}
          </button>
        )}
      </div>
      <footer class={styles.footer}>
        <button class={buttons.primary} data-testid="survey-send" disabled={score === null || state.busy} onClick={send}>
          {state.busy ? t('survey.sending') : t('survey.send')}
        </button>
      </footer>
    </main>
  );
}

function Thanks({ onDone }: { onDone: () => void }) {
  const { t } = useT();
  useEffect(() => {
    const timer = setTimeout(onDone, SURVEY_THANKS_MS);
    return () => clearTimeout(timer);
  }, []);
  return (
    <main class={`${styles.page} ${styles.thanks}`} data-testid="survey-thanks">
      <Brand />
      <h1 class={styles.question}>{t('survey.thanks')}</h1>
      <p class={styles.thanksText}>{t('survey.thanksText')}</p>
      <button class={buttons.primary} data-testid="survey-done" onClick={onDone}>
        {t('survey.done')}
      </button>
    </main>
  );
}
