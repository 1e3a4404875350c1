// The camera scanner (ADR 0037): the browser's own BarcodeDetector where it reads QR codes, else
// the `qr` decoder's BarcodeDetector, fetched only when needed. Frames are read a few times a
// second; the same code is ignored for a moment so one ticket held up is one scan.

type Detected = { rawValue: string };
type Detector = { detect(source: CanvasImageSource): Promise<Detected[]> };
type DetectorClass = { new (options: { formats: string[] }): Detector; getSupportedFormats?: () => Promise<string[]> };

const FRAME_INTERVAL_MS = 120;
const SAME_CODE_PAUSE_MS = 2500;
const MAX_FRAME_SIDE = 720;

async function makeDetector(): Promise<Detector> {
  const native = (globalThis as { BarcodeDetector?: DetectorClass }).BarcodeDetector;
  if (native?.getSupportedFormats && (await native.getSupportedFormats()).includes("qr_code")) return new native({ formats: ["qr_code"] });
  const { BarcodeDetector } = await import("qr/decode.js");
  return new (BarcodeDetector as unknown as DetectorClass)({ formats: ["qr_code"] });
}

export type Scanner = { stop(): void };

/** Starts the camera in `video` and calls `onCode` for each new code; throws when there is no camera or no permission. */
export async function startScanner(video: HTMLVideoElement, onCode: (text: string) => void): Promise<Scanner> {
  const [stream, detector] = await Promise.all([navigator.mediaDevices.getUserMedia({ video: { facingMode: "environment" }, audio: false }), makeDetector()]);
  video.srcObject = stream;
  await video.play();
  const canvas = document.createElement("canvas");
  const context = canvas.getContext("2d", { willReadFrequently: true })!;
  let running = true;
  let last = { text: "", at: 0 };
  const tick = async () => {
    if (!running) return;
    if (video.readyState >= 2 && video.videoWidth) {
      const scale = Math.min(1, MAX_FRAME_SIDE / Math.max(video.videoWidth, video.videoHeight));
      canvas.width = Math.round(video.videoWidth * scale);
      canvas.height = Math.round(video.videoHeight * scale);
      context.drawImage(video, 0, 0, canvas.width, canvas.height);
      try {
        const [code] = await detector.detect(canvas);
        const now = Date.now();
        if (code?.rawValue && (code.rawValue !== last.text || now - last.at > SAME_CODE_PAUSE_MS)) onCode(code.rawValue);
        if (code?.rawValue) last = { text: code.rawValue, at: now };
      } catch {
        // A frame the decoder could not read: the next one will do.
      }
    }
    if (running) setTimeout(tick, FRAME_INTERVAL_MS);
  };
  void tick();
  return {
    stop() {
      running = false;
      for (const track of stream.getTracks()) track.stop();
      video.srcObject = null;
    },
  };
}
