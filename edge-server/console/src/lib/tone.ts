/** The colour family of a status chip; the chip's text always says the state too. */
export type Tone = 'ok' | 'warn' | 'bad' | 'neutral' | 'info';
