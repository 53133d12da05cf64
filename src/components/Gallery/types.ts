export interface GalleryProps {
  /** Display URLs, the cover first. */
  images: string[];
}
