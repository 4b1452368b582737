import styles from './join-invite.module.css';

/** The class's join link as a QR code (`src`: its SVG as a data: URL, from qrCodeDataUrl), big enough to scan off a projector, with the code under it. */
export function JoinQrCode({ src, code }: { src: string; code: string }) {
  return (
    <figure className={styles.qr}>
      {/* eslint-disable-next-line @next/next/no-img-element -- a data: URL made on the server, not an asset to optimise */}
      <img src={src} alt={`QR code for the join link (code ${code})`} width={240} height={240} />
      <figcaption>
        Scan to join, or type <strong>{code}</strong>
      </figcaption>
    </figure>
  );
}
