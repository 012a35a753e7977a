#include "search/catalog.h"

#include <charconv>
#include <mutex>

namespace maplace::search {
namespace {

constexpr int kKindShift = 48;
constexpr std::int64_t kLocalMask = (std::int64_t{1} << kKindShift) - 1;

}  // namespace

std::int64_t DocumentId(DocKind kind, std::int64_t local_id) {
  return (static_cast<std::int64_t>(kind) << kKindShift) | (local_id & kLocalMask);
}

std::int64_t LocalId(std::int64_t document_id) { return document_id & kLocalMask; }

std::int64_t JobLocalId(std::string_view code) {
  if (code.size() != 5 || code[0] < 'A' || code[0] > 'Z') return 0;
  int digits = 0;
  auto [end, error] = std::from_chars(code.data() + 1, code.data() + 5, digits);
  if (error != std::errc() || end != code.data() + 5) return 0;
  return (code[0] - 'A' + 1) * 10000 + digits;
}

std::string RomeCodeOf(std::int64_t local_id) {
  const std::int64_t letter = local_id / 10000, digits = local_id % 10000;
  if (letter < 1 || letter > 26) return "";
  std::string code(1, static_cast<char>('A' + letter - 1));
  const std::string number = std::to_string(digits);
  return code + std::string(4 - number.size(), '0') + number;
}

void Catalog::Put(std::int64_t document_id, Card card) {
  std::unique_lock lock(mutex_);
  cards_[document_id] = std::move(card);
}

std::vector<std::int64_t> Catalog::IdsOf(DocKind kind) const {
  std::shared_lock lock(mutex_);
  std::vector<std::int64_t> ids;
  for (const auto& [id, card] : cards_)
    if (card.kind == kind) ids.push_back(id);
  return ids;
}

void Catalog::Erase(std::int64_t document_id) {
  std::unique_lock lock(mutex_);
  cards_.erase(document_id);
}

std::optional<Card> Catalog::Find(std::int64_t document_id) const {
  std::shared_lock lock(mutex_);
  auto it = cards_.find(document_id);
  if (it == cards_.end()) return std::nullopt;
  return it->second;
}

std::vector<Card> Catalog::FindAll(const std::vector<std::int64_t>& ids) const {
  std::shared_lock lock(mutex_);
  std::vector<Card> out;
  out.reserve(ids.size());
  for (std::int64_t id : ids) {
    auto it = cards_.find(id);
    if (it != cards_.end()) out.push_back(it->second);
  }
  return out;
}

}  // namespace maplace::search
