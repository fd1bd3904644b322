/**
 * The still a shot is made of. A video frame is what the camera streams (often 1080p, at most what the stream was
 * granted); the camera's own photo (ImageCapture.takePhoto, Chrome on Android and desktop) is its full sensor,
 * 8–12 MP on a phone: on the generated photos a ballot shot at 12 MP is decided without review far more often than
 * at 1080p (docs/MEASUREMENTS.md, per camera). The photo is asked for at the largest size the camera offers; where the
 * browser has no ImageCapture, the camera refuses, or its photo has fewer pixels than the frame, the frame is taken.
 */

/** What takeStill needs of ImageCapture (the browser's, or a test's stand-in). */
export interface StillCamera {
  getPhotoCapabilities(): Promise<PhotoCapabilities>;
  takePhoto(settings?: PhotoSettings): Promise<Blob>;
}

export type Still = { readonly kind: 'photo'; readonly blob: Blob } | { readonly kind: 'frame' };

/** The camera of `track` as a still camera, or null where the browser has no ImageCapture. */
export const stillCameraOf = (track: MediaStreamTrack | undefined): StillCamera | null =>
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- absent in Firefox and Safari
  track === undefined || globalThis.ImageCapture === undefined ? null : new ImageCapture(track);

/** The camera's photo at the largest size it offers; the frame when there is no still camera or it fails. */
export const takeStill = async (camera: StillCamera | null): Promise<Still> => {
  if (camera === null) return { kind: 'frame' };
  try {
    const caps = await camera.getPhotoCapabilities();
    const settings: PhotoSettings = {
      ...(caps.imageWidth?.max === undefined ? {} : { imageWidth: caps.imageWidth.max }),
      ...(caps.imageHeight?.max === undefined ? {} : { imageHeight: caps.imageHeight.max }),
    };
    const blob = await camera.takePhoto(settings);
    return blob.size === 0 ? { kind: 'frame' } : { kind: 'photo', blob };
  } catch {
    return { kind: 'frame' };
  }
};

/** The camera's photo is used only when it has at least as many pixels as the video frame. */
export const photoBeatsFrame = (photo: { width: number; height: number }, frame: { width: number; height: number }): boolean =>
  photo.width * photo.height >= frame.width * frame.height;
