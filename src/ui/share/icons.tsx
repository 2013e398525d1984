/**
 * Sharing's line icons, drawn like the chrome's (16 px, currentColor, aria-hidden): a
 * control's name always comes from its words.
 */
import { Icon } from "../chrome/icons.tsx";

export const ShareIcon = () => (
  <Icon>
    <path d="M8 10V2.5M5 5.3 8 2.3l3 3M3.5 8.5v4.8h9V8.5" />
  </Icon>
);

export const DownloadIcon = () => (
  <Icon>
    <path d="M8 2.5V10M5 7l3 3 3-3M3 13.3h10" />
  </Icon>
);

export const LinkIcon = () => (
  <Icon>
    <path d="M6.8 9.2a2.6 2.6 0 0 0 3.7 0l2.2-2.2a2.6 2.6 0 0 0-3.7-3.7l-.9.9M9.2 6.8a2.6 2.6 0 0 0-3.7 0L3.3 9a2.6 2.6 0 0 0 3.7 3.7l.9-.9" />
  </Icon>
);

export const FileIcon = () => (
  <Icon>
    <path d="M4 1.8h5.3L12.5 5v9.2H4zM9.2 1.8V5h3.3" />
  </Icon>
);

export const ContainerIcon = () => (
  <Icon>
    <path d="M2 6.5h12v6.8H2zM4.3 6.5v6.8M6.8 6.5v6.8M9.2 6.5v6.8M11.7 6.5v6.8M5 6.5V3.2h6v3.3" />
  </Icon>
);
