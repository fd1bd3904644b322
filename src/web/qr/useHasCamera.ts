/** Whether this device has a camera at all (null while asking): no camera, no camera button. */
import { useEffect, useState } from 'react';

export const useHasCamera = (): boolean | null => {
  const [has, setHas] = useState<boolean | null>(null);
  useEffect(() => {
    let live = true;
    const devices = navigator.mediaDevices;
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- undefined on plain http outside localhost
    if (devices?.enumerateDevices === undefined || devices.getUserMedia === undefined) {
      setHas(false);
      return;
    }
    devices.enumerateDevices()
      .then((list) => { if (live) setHas(list.some((d) => d.kind === 'videoinput')); })
      .catch(() => { if (live) setHas(false); });
    return () => { live = false; };
  }, []);
  return has;
};
