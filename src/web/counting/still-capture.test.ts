import { describe, expect, it } from 'vitest';
import { photoBeatsFrame, takeStill, type StillCamera } from './still-capture.ts';

/** A stand-in camera offering photos up to 4032 × 3024, recording what it was asked for. */
const camera = (fail = false): StillCamera & { asked: PhotoSettings[] } => {
  const asked: PhotoSettings[] = [];
  return {
    asked,
    getPhotoCapabilities: () => Promise.resolve({ imageWidth: { min: 640, max: 4032, step: 1 }, imageHeight: { min: 480, max: 3024, step: 1 } }),
    takePhoto: (settings?: PhotoSettings) => {
      asked.push(settings ?? {});
      return fail ? Promise.reject(new Error('NotSupportedError')) : Promise.resolve(new Blob([new Uint8Array(10)], { type: 'image/jpeg' }));
    },
  };
};

describe('a shot from the camera: its full-resolution photo, else the video frame', () => {
  it('asks the camera for its largest photo', async () => {
    const c = camera();
    const still = await takeStill(c);
    expect(still.kind).toBe('photo');
    expect(c.asked).toEqual([{ imageWidth: 4032, imageHeight: 3024 }]);
  });

  it('takes the video frame where the browser has no still camera or the camera refuses', async () => {
    expect(await takeStill(null)).toEqual({ kind: 'frame' });
    expect(await takeStill(camera(true))).toEqual({ kind: 'frame' });
  });

  it('keeps the frame when the camera photo has fewer pixels than the frame', () => {
    expect(photoBeatsFrame({ width: 4032, height: 3024 }, { width: 1920, height: 1080 })).toBe(true);
    expect(photoBeatsFrame({ width: 1280, height: 720 }, { width: 1920, height: 1080 })).toBe(false);
  });
});
