// The sticky head of a searchable owner list: the search box, the page's own tabs (children) and, while a search is
// on, 「“q”的搜索结果 清除」. The page keeps the query it searches by; the box keeps what is being typed.
import { useState, type ReactNode } from 'react';
import { Input, Text, View } from '@tarojs/components';

export interface OwnerSearchProps {
  placeholder: string;
  maxlength: number;
  /** The query the list is searched by now ('' for none). */
  query: string;
  /** The typed text, trimmed. */
  onSearch: (q: string) => void;
  onClear: () => void;
  /** Between the box and the query line: the page's tabs. */
  children?: ReactNode;
}

export default function OwnerSearch({ placeholder, maxlength, query, onSearch, onClear, children }: OwnerSearchProps) {
  const [draft, setDraft] = useState('');
  const search = () => onSearch(draft.trim());
  const clear = () => {
    setDraft('');
    onClear();
  };

  return (
    <View className="owner-search">
      <View className="owner-search__box">
        <Input
          className="owner-search__input"
          type="text"
          value={draft}
          maxlength={maxlength}
          placeholder={placeholder}
          confirmType="search"
          onInput={(e) => setDraft(e.detail.value)}
          onConfirm={search}
        />
        <View className="owner-search__button" hoverClass="owner-search__button--pressed" onClick={search}>
          搜索
        </View>
      </View>
      {children}
      {query ? (
        <View className="owner-search__query">
          <Text>{`“${query}”的搜索结果`}</Text>
          <Text className="owner-search__clear" onClick={clear}>
            清除
          </Text>
        </View>
      ) : null}
    </View>
  );
}
