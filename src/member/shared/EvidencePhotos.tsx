// The evidence photos of an after-sale form: the ones uploaded (× removes one) and the tile that adds more, up to
// AFTER_SALE_PHOTOS_MAX, into the buyer's own `aftersales/<openid>/` folder.
import { Image, View } from '@tarojs/components';
import { AFTER_SALE_PHOTOS_MAX } from '../../../cloudfunctions/contracts/limits';
import type { PhotoUploads } from '../../hooks/usePhotoUploads';
import './evidence-photos.scss';

export default function EvidencePhotos({ uploads }: { uploads: PhotoUploads }) {
  const { photos, uploading } = uploads;
  return (
    <View className="evidence-photos">
      {photos.map((p) => (
        <View key={p.fileID} className="evidence-photos__photo">
          <Image className="evidence-photos__image" src={p.local} mode="aspectFill" />
          <View className="evidence-photos__remove" aria-label="删除图片" onClick={() => uploads.remove(p.fileID)}>
            ×
          </View>
        </View>
      ))}
      {photos.length < AFTER_SALE_PHOTOS_MAX ? (
        <View className="evidence-photos__photo evidence-photos__photo--add" onClick={() => void uploads.add()}>
          {uploading ?? `上传凭证 ${photos.length}/${AFTER_SALE_PHOTOS_MAX}`}
        </View>
      ) : null}
    </View>
  );
}
