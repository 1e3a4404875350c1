import QRCode from "qrcode";
import type { BrowserContext, Page } from "@playwright/test";

/**
 * Gives the page a camera that films whatever QR code the test holds up: a canvas stream in place
 * of the phone's camera, so the page's own scanner reads real frames.
 */
export async function fakeCamera(context: BrowserContext) {
  await context.addInitScript(() => {
    const canvas = document.createElement("canvas");
    canvas.width = 640;
    canvas.height = 480;
    const paint = canvas.getContext("2d")!;
    let picture: HTMLImageElement | null = null;
    const draw = () => {
      paint.fillStyle = "#ffffff";
      paint.fillRect(0, 0, canvas.width, canvas.height);
      if (picture) paint.drawImage(picture, 170, 90, 300, 300);
    };
    setInterval(draw, 50);
    (window as unknown as { holdUpCode: (src: string | null) => Promise<void> }).holdUpCode = (src) =>
      new Promise((resolve) => {
        if (!src) {
          picture = null;
          return resolve();
        }
        const image = new Image();
        image.onload = () => {
          picture = image;
          resolve();
        };
        image.src = src;
      });
    navigator.mediaDevices.getUserMedia = async () => canvas.captureStream(20);
  });
}

/** Holds a QR code of `text` up to the page's camera. */
export async function holdUpCode(page: Page, text: string | null) {
  const src = text === null ? null : await QRCode.toDataURL(text, { margin: 4, width: 300 });
  await page.evaluate((source) => (window as unknown as { holdUpCode: (src: string | null) => Promise<void> }).holdUpCode(source), src);
}
