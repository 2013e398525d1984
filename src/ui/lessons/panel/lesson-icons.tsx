/** Line icons of the lesson list and panel, 16 px in currentColor; decoration beside words. */
import { Icon } from "../../chrome/icons.tsx";

/** An open book: the lessons. */
export const BookIcon = () => (
  <Icon>
    <path d="M8 4.2C6.6 3 4.6 2.6 2 2.8v9.6c2.6-.2 4.6.2 6 1.4 1.4-1.2 3.4-1.6 6-1.4V2.8c-2.6-.2-4.6.2-6 1.4zM8 4.2v9.6" />
  </Icon>
);

/** A pointing hand would be cute; a play-in-circle reads as "do it for me" in both languages. */
export const ShowMeIcon = () => (
  <Icon>
    <circle cx="8" cy="8" r="6" />
    <path d="M6.6 5.4v5.2L10.8 8z" fill="currentColor" strokeWidth={1} />
  </Icon>
);

export const HintIcon = () => (
  <Icon>
    <path d="M5.6 10.2C4.4 9.4 3.8 8.2 3.8 6.9a4.2 4.2 0 018.4 0c0 1.3-.6 2.5-1.8 3.3v1.3H5.6zM6.2 13.8h3.6" />
  </Icon>
);

export const RetryIcon = () => (
  <Icon>
    <path d="M12.8 8a4.8 4.8 0 11-1.4-3.4M12.8 2.6v2.6h-2.6" />
  </Icon>
);

export const ArrowRightIcon = () => (
  <Icon>
    <path d="M3 8h10M9 4l4 4-4 4" />
  </Icon>
);
