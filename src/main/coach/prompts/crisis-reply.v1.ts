// Fixed reply used instead of model text when a message is classified as crisis. Versioned: never edit a released version; add v2 and switch prompts/index.ts.
export const CRISIS_REPLY_V1 = `I'm really glad you told me. What you're feeling right now matters, and you don't have to face it alone.

I'm not able to help with this the way a person can, so please reach out now: your crisis contacts and your safety plan are on the screen. If you are in immediate danger, call your local emergency number.

If you can, move away from anything you could use to hurt yourself, and go toward another person. I'm here when you're ready to keep going.`;
