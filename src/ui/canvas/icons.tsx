/**
 * The canvas's small marks drawn as SVG, so they look the same whatever fonts the viewer
 * has: the crown of a leader replica, the star of the active controller, the cross of a
 * dead broker. Decorative: the words beside them carry the meaning for screen readers.
 */

export function CrownIcon({ size = 10 }: { size?: number }) {
  return (
    <svg className="cv-icon" width={size} height={size} viewBox="0 0 10 10" aria-hidden="true">
      <path d="M1 8.5 L1 3 L3.5 5.5 L5 1.5 L6.5 5.5 L9 3 L9 8.5 Z" fill="currentColor" />
    </svg>
  );
}

export function StarIcon({ size = 12 }: { size?: number }) {
  return (
    <svg className="cv-icon" width={size} height={size} viewBox="0 0 12 12" aria-hidden="true">
      <path
        d="M6 0.8 L7.5 4.3 L11.3 4.6 L8.4 7.1 L9.3 10.9 L6 8.9 L2.7 10.9 L3.6 7.1 L0.7 4.6 L4.5 4.3 Z"
        fill="currentColor"
      />
    </svg>
  );
}

export function CrossIcon({ size = 12 }: { size?: number }) {
  return (
    <svg className="cv-icon" width={size} height={size} viewBox="0 0 12 12" aria-hidden="true">
      <path
        d="M2 2 L10 10 M10 2 L2 10"
        stroke="currentColor"
        strokeWidth="2.2"
        strokeLinecap="round"
      />
    </svg>
  );
}
