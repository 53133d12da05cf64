// Product photos, one per screen width. weapp: the native swiper (no cost to the package).
import { Image, Swiper, SwiperItem } from '@tarojs/components';
import type { GalleryProps } from './types';
import './index.scss';

export default function Gallery({ images }: GalleryProps) {
  return (
    <Swiper
      className="gallery"
      indicatorDots={images.length > 1}
      indicatorActiveColor="#e4393c"
      circular={images.length > 2}
    >
      {images.map((src) => (
        <SwiperItem key={src}>
          <Image className="gallery__image" src={src} mode="aspectFill" />
        </SwiperItem>
      ))}
    </Swiper>
  );
}
