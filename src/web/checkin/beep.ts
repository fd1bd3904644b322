/** A short sound for the check-in desk, synthesised with WebAudio: nothing to download. */
let context: AudioContext | null = null;

const tone = (ctx: AudioContext, frequency: number, start: number, duration: number): void => {
  const oscillator = ctx.createOscillator();
  const gain = ctx.createGain();
  oscillator.type = 'sine';
  oscillator.frequency.value = frequency;
  gain.gain.setValueAtTime(0.0001, start);
  gain.gain.exponentialRampToValueAtTime(0.3, start + 0.01);
  gain.gain.exponentialRampToValueAtTime(0.0001, start + duration);
  oscillator.connect(gain).connect(ctx.destination);
  oscillator.start(start);
  oscillator.stop(start + duration + 0.02);
};

/** One high tone for success, two low tones for a refusal. Silent where WebAudio is missing. */
export const beep = (success: boolean): void => {
  const Ctor = globalThis.AudioContext;
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- absent in old browsers whatever the DOM types say
  if (Ctor === undefined) return;
  context ??= new Ctor();
  const now = context.currentTime;
  if (success) tone(context, 880, now, 0.18);
  else {
    tone(context, 220, now, 0.18);
    tone(context, 220, now + 0.26, 0.18);
  }
};
