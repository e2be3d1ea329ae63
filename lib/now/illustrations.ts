// The illustrations of positions and moves, and the lesson sections that teach each one.
// Pure data: app/_components/illustration.tsx draws them.

// label: the caption under the drawing; alt: what the drawing shows, for screen readers.
export const ILLUSTRATIONS = {
  "lying-knees-bent": {
    label: "On your back, knees bent",
    alt: "A person lying on their back, knees bent over pillows, a rolled towel under the small of the back.",
  },
  "knees-to-chest": { label: "Knees to chest", alt: "A person lying on their back, hugging both knees towards the chest." },
  "childs-pose": {
    label: "Child's pose",
    alt: "Child's pose: a person kneeling, hips back towards the heels, chest lowered and arms reaching forward on the floor.",
  },
  "supported-sitting": {
    label: "Sitting upright, back supported",
    alt: "A person sitting upright on a chair, feet flat, a small cushion in the hollow of the lower back.",
  },
  "safe-lifting": {
    label: "Lifting: knees bent, load close",
    alt: "Safe lifting: a person bending at the knees and hips, back straight, holding a box close to the body.",
  },
} as const;

export type IllustrationId = keyof typeof ILLUSTRATIONS;
export const ILLUSTRATION_IDS = Object.keys(ILLUSTRATIONS) as IllustrationId[];

// Lesson sections that teach a pictured move, as "lesson-slug#section-id". The content test
// checks that each still exists.
export const LESSON_ILLUSTRATIONS: Record<string, readonly IllustrationId[]> = {
  "posture#sleeping": ["lying-knees-bent"],
  "posture#sitting-and-support": ["supported-sitting"],
  "posture#lifting-and-moving": ["safe-lifting"],
  "other-remedies#stretching-and-exercise": ["childs-pose"],
};

export function lessonIllustrations(lessonSlug: string, sectionId: string): readonly IllustrationId[] {
  return LESSON_ILLUSTRATIONS[`${lessonSlug}#${sectionId}`] ?? [];
}
