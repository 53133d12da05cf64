// Product photos, one per screen width. h5 (and tests): a scroll-snapping strip with dots. Taro's web Swiper
// brings the whole swiper library (about 150 KB) into the first load; the browser's scroll snapping does the same job.
import { useState } from 'react';
import { Image, ScrollView, View } from '@tarojs/components';
import type { GalleryProps } from './types';
import './index.scss';

export default function Gallery({ images }: GalleryProps) {
  const [current, setCurrent] = useState(0);
  return (
    <View className="gallery">
      <ScrollView
        className="gallery__strip"
        scrollX
        enhanced
        showScrollbar={false}
        onScroll={(e) => {
          const { scrollLeft, scrollWidth } = e.detail;
          if (scrollWidth > 0) setCurrent(Math.round((scrollLeft / scrollWidth) * images.length));
        }}
      >
        {images.map((src, i) => (
          <Image
            key={src}
            className="gallery__image gallery__image--snap"
            src={src}
            mode="aspectFill"
            lazyLoad={i > 0}
          />
        ))}
      </ScrollView>
      {images.length > 1 ? (
        <View className="gallery__dots">
          {images.map((src, i) => (
            <View key={src} className={i === current ? 'gallery__dot gallery__dot--active' : 'gallery__dot'} />
          ))}
        </View>
      ) : null}
    </View>
  );
}
