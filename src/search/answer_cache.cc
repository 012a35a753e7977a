#include "search/answer_cache.h"

#include <cstring>
#include <type_traits>

namespace maplace::search {
namespace {

template <typename T>
void Put(std::string& key, const T& value) {
  static_assert(std::is_trivially_copyable_v<T>);
  char bytes[sizeof(T)];
  std::memcpy(bytes, &value, sizeof(T));
  key.append(bytes, sizeof(T));
}

// Strings are length-prefixed, so that no two different queries share a key.
void Put(std::string& key, const std::string& value) {
  Put(key, static_cast<std::uint32_t>(value.size()));
  key += value;
}

template <typename T>
void Put(std::string& key, const std::vector<T>& values) {
  Put(key, static_cast<std::uint32_t>(values.size()));
  for (const auto& value : values) Put(key, value);
}

}  // namespace

std::string QueryKey(const Query& q) {
  std::string key;
  key.reserve(64 + q.text.size());
  Put(key, q.text);
  Put(key, q.kinds);
  Put(key, q.rome_codes);
  Put(key, q.levels);
  Put(key, q.contracts);
  Put(key, q.start_from);
  Put(key, q.start_to);
  Put(key, q.areas);
  Put(key, q.sectors);
  Put(key, q.has_place);
  if (q.has_place) {
    Put(key, q.latitude);
    Put(key, q.longitude);
  }
  Put(key, q.radius_km);
  Put(key, q.widen_when_empty);
  Put(key, q.now);
  Put(key, q.sort);
  Put(key, q.page);
  Put(key, q.page_size);
  Put(key, q.matching.prefix);
  Put(key, q.matching.typos);
  Put(key, q.matching.synonyms);
  Put(key, q.matching.job_families);
  return key;
}

}  // namespace maplace::search
